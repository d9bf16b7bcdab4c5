import './v8-flags.js';
import { main } from './main.js';

// A reader that stops reading (`hyoka fix … | head`) closes the pipe: the rest of the output has nowhere to go, and
// the work goes on to its end and its exit code (a fix's workbook is written before anything is printed).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`hyoka: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
