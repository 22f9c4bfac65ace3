// The timing clients of ./spm bench live (push part), on a thread of their own. The load driver's thread runs the
// other ~980 connections and the recording requests, and is busy most of the time (event loop utilisation 0.87
// measured), so a push reaching one of its clients waits in its queue first. Here a push is timed as it arrives,
// like on a device of its own, and every connection still receives (and counts) every deal.
import { parentPort, workerData } from 'node:worker_threads';
import { closeAll, connectMany, dealsIn } from './hub-clients.mjs';

const { url, token, board, count } = workerData;
let measuring = false;
let deals = 0;
const latency = [];
const connections = await connectMany({
  url,
  token,
  board,
  count,
  onCelebration: (index, sale) => {
    if (!measuring) return;
    const now = Date.now();
    deals += 1 + (sale.alsoLandedCount ?? 0);
    for (const deal of dealsIn(sale)) latency.push(now - Date.parse(deal.at));
  },
  onBoard: () => {},
});
parentPort.on('message', async (message) => {
  if (message === 'measure') {
    measuring = true;
  } else if (message === 'report') {
    parentPort.postMessage({ type: 'report', latency, deals });
  } else if (message === 'close') {
    await closeAll(connections);
    parentPort.postMessage({ type: 'closed' });
  }
});
parentPort.postMessage({ type: 'connected' });
