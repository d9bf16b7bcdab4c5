// Bundles the command line into build/cli.mjs, and the worker thread that `hyoka check` runs on
// each core into build/cli-worker.mjs (run by `npm install` through `prepare`). An argument names
// another output folder (the hostile-file tests bundle the current sources into one of their own).
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: { cli: join(root, 'src/cli/bin.ts'), 'cli-worker': join(root, 'src/cli/worker.ts') },
  outdir: resolve(root, process.argv[2] ?? 'build'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
