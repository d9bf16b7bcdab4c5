// Preloaded into the command line under measurement (the benchmark, the hostile-file tests):
// reports its peak resident memory (KiB) on
// file descriptor 3 when it exits, worker threads included (they share the process).
import { writeSync } from 'node:fs';

process.on('exit', () => {
  try {
    writeSync(3, JSON.stringify({ maxRSS: process.resourceUsage().maxRSS }));
  } catch {
    // No descriptor 3: not run under measurement.
  }
});
