// The writing side of FileWriter (file-writer.ts), run in a worker thread so that creating thousands of
// files (kernel time, not JavaScript) goes on while the main thread renders the next ones.
//
// Plain JavaScript because Node 20 cannot start a worker from a TypeScript file, and the tests run the
// TypeScript sources; the compiler (allowJs) copies it into lib/ next to file-writer.js.
//
// workerData: { folder, linked, progress }. Messages in: arrays of [relative path, text], then 'end'.
// After each batch, progress[0] grows by the files written; on a failure progress[1] becomes 1 and the
// error is posted at once. Message out at 'end': { records: [path, size, mtimeMs][] }.
import { parentPort, workerData } from 'node:worker_threads';
import { writeOutputFile } from './write-output.js';

const WRITTEN = 0;
const FAILED = 1;

const { folder, linked } = workerData;
const progress = new Int32Array(workerData.progress);
const madeFolders = new Set();
const records = [];
let failed = false;

parentPort.on('message', (message) => {
  if (message === 'end') {
    if (!failed) parentPort.postMessage({ records });
    return;
  }
  if (failed) return;
  try {
    for (const [file, text] of message) records.push(writeOutputFile(folder, file, text, linked, madeFolders));
    Atomics.add(progress, WRITTEN, message.length);
  } catch (error) {
    failed = true;
    Atomics.store(progress, FAILED, 1);
    parentPort.postMessage({ error: { message: error.message } });
  }
  Atomics.notify(progress, WRITTEN);
});
