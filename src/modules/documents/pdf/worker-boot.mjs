// Entry of the PDF render worker thread. The server runs TypeScript through tsx, whose loader a worker thread does not
// inherit: register it here (when the entry is a .ts file), then load the worker's module.
import { workerData } from 'node:worker_threads';

if (String(workerData.entry).endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
