/** A worker thread of `hyoka check`: checks the files it is sent, one at a time. */
import './v8-flags.js';
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, type CheckFileOptions } from './check-file.js';

export interface WorkerJob {
  id: number;
  path: string;
}

const options = workerData as CheckFileOptions;
const port = parentPort;
if (!port) throw new Error('cli-worker runs as a worker thread');

port.on('message', (job: WorkerJob) => {
  checkFile(job.path, options).then((report) => port.postMessage({ id: job.id, report }));
});
