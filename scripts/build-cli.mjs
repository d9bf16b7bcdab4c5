// Bundles the command line into build/cli.mjs, and the worker thread that `hyoka check` runs on
// each core into build/cli-worker.mjs (run by `npm install` through `prepare`).
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli/bin.ts', 'cli-worker': 'src/cli/worker.ts' },
  outdir: 'build',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
