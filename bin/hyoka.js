#!/usr/bin/env node
// Runs the bundled command line; builds it first when `npm install` did not (e.g. --ignore-scripts).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'build', 'cli.mjs');
if (!existsSync(cli)) {
  const cwd = process.cwd();
  process.chdir(root);
  await import(pathToFileURL(join(root, 'scripts', 'build-cli.mjs')).href);
  process.chdir(cwd);
}
await import(pathToFileURL(cli).href);
