// ./spm bench live (push part): end to end, sale committed -> SaleCelebrated / LeaderboardChanged received by a hub
// client (a celebration push carries a burst of deals: every deal in it is counted and timed), at a sustained sales
// rate with many hub clients connected; then fan-out of one board update to many connections, with the server's
// memory per connection. Against an API the script started (Release, Production).
// Env: SPM_BENCH_URL, SPM_BENCH_TOKEN (demo admin), SPM_BENCH_OUT (JSON file), SPM_BENCH_RATE (sales/s, 200),
//      SPM_BENCH_DURATION (s, 20), SPM_BENCH_CLIENTS (1000), SPM_BENCH_PROBES (of those, timed on their own thread,
//      20), SPM_BENCH_FANOUT (5000), SPM_BENCH_WARMUP (s at the same rate before measuring, 60).
// "Committed" is the sale's own event time (`at`, stamped in the recording request before its commit), so the
// figures include a little of the request itself: they overstate, never understate. Same machine, same clock.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { closeAll, connectMany, dealsIn, summary } from './hub-clients.mjs';

const url = process.env.SPM_BENCH_URL;
const token = process.env.SPM_BENCH_TOKEN;
if (!url || !token) throw new Error('run through ./spm bench live (SPM_BENCH_URL, SPM_BENCH_TOKEN)');
const rate = Number(process.env.SPM_BENCH_RATE ?? 200);
const duration = Number(process.env.SPM_BENCH_DURATION ?? 20);
const clients = Number(process.env.SPM_BENCH_CLIENTS ?? 1000);
const probes = Math.min(clients, Number(process.env.SPM_BENCH_PROBES ?? 20));
const fanout = Number(process.env.SPM_BENCH_FANOUT ?? 5000);
const warmup = Number(process.env.SPM_BENCH_WARMUP ?? 60);
const BOARD = 'bench-revenue';
// Where every hub client of this run connects, and the board it follows.
const hub = { url, token, board: BOARD };

async function graphql(query, variables) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function memory() {
  const response = await fetch(`${url}/bench/memory`, { headers: { authorization: `Bearer ${token}` } });
  // Only an API started with Spm:Bench:BareEndpoint has it; against another one the memory figures are NaN.
  return response.ok ? response.json() : { workingSetBytes: NaN, managedBytes: NaN };
}

// A board every sale moves (credited revenue this month, whole company).
await graphql(`mutation { createLeaderboard(input: { key: "${BOARD}", title: "Bench revenue", metrics: [{ metric: CREDITED_REVENUE }], window: MONTH }) { errors { code message } } }`)
  .catch(() => {}); // already there from an earlier run on the same database
// Active participants only: a sale owned by someone who has left is refused (and would never be celebrated).
const reps = (await graphql('{ participants(first: 100) { nodes { id status } } }')).participants.nodes.filter((p) => p.status === 'ACTIVE');
let sequence = 0;
const today = new Date().toISOString().slice(0, 10);
const sale = (amount) => ({ source: 'bench', externalId: `bench-${process.pid}-${sequence++}`, amount, currency: 'USD', closeDate: today, ownerParticipantId: reps[sequence % reps.length].id });
const RECORD = 'mutation($sales: [SaleInput!]!) { recordSales(input: { sales: $sales }) { errors { code message } } }';

console.log(`load average before: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

// Part 1: end to end at a sustained rate with `clients` connections: `probes` of them on a thread of their own (the
// timed ones), the others here with the recording requests (load, each counting what it receives, a few timed too).
const probe = new Worker(new URL('./live-push-probe.mjs', import.meta.url), { workerData: { ...hub, count: probes } });
const fromProbe = (type) => new Promise((resolve, reject) => {
  const onMessage = (message) => { if (message.type === type) { probe.off('message', onMessage); resolve(message); } };
  probe.on('message', onMessage);
  probe.once('error', reject);
});
const loaded = clients - probes;
const driverLatency = [];
const boardLatency = [];
const requestLatency = []; // recordSales of one batch, request sent to response read
let celebrationsReceived = 0; // deals, summed over this thread's clients
let pushesReceived = 0; // SaleCelebrated messages, summed over this thread's clients
// Timed here as well, on every 50th client: what a client sharing the driver's busy thread sees.
const sampled = (index) => index % 50 === 0;
const lastSaleAt = { t: 0 };
let measuring = false;
const memoryIdle = await memory();
const started = Date.now();
const probeConnected = fromProbe('connected');
const e2eConnections = await connectMany({
  ...hub,
  count: loaded,
  onCelebration: (index, s) => {
    // One push stands for a burst of deals (coalesced per tenant): the headline and every deal it carries count,
    // each from its own commit time.
    celebrationsReceived += 1 + (s.alsoLandedCount ?? 0);
    pushesReceived++;
    if (measuring && sampled(index)) {
      const now = Date.now();
      for (const deal of dealsIn(s)) driverLatency.push(now - Date.parse(deal.at));
    }
  },
  onBoard: (index) => {
    if (measuring && sampled(index) && lastSaleAt.t) boardLatency.push(Date.now() - lastSaleAt.t);
  },
});
await probeConnected;
console.log(`${clients} hub clients connected in ${((Date.now() - started) / 1000).toFixed(1)} s (${probes} timing probes on their own thread)`);
const memoryConnected = await memory();

const tick = 50; // ms; rate/20 sales per request
const perTick = Math.max(1, Math.round((rate * tick) / 1000));
let sent = 0;
let failed = 0;
let sentAtStart = 0;
let failedAtStart = 0;

/** Records sales at `rate` for `seconds` (a batch every `tick`), then waits until this thread's clients have every deal (or 15 s). */
async function drive(seconds) {
  const inFlight = new Set();
  const runStarted = Date.now();
  while (Date.now() - runStarted < seconds * 1000) {
    const due = sentAtStart + Math.floor(((Date.now() - runStarted) / 1000) * rate);
    while (sent < due) {
      const batch = Array.from({ length: perTick }, () => sale('100.00'));
      sent += batch.length;
      lastSaleAt.t = Date.now();
      const requestStarted = Date.now();
      // A refused batch (errors in the payload) records nothing: counted as failed, not as sent-and-lost.
      const request = graphql(RECORD, { sales: batch })
        .then((data) => {
          if (measuring) requestLatency.push(Date.now() - requestStarted);
          if (data.recordSales.errors.length) throw new Error(JSON.stringify(data.recordSales.errors));
        })
        .catch((error) => { failed += batch.length; if (failed === batch.length) console.error('refused:', String(error).slice(0, 300)); })
        .finally(() => inFlight.delete(request));
      inFlight.add(request);
    }
    await new Promise((resolve) => setTimeout(resolve, tick / 2));
  }
  await Promise.all(inFlight);
  const achieved = (sent - sentAtStart) / ((Date.now() - runStarted) / 1000);
  // Let the last pushes land: until every client has every deal, or 15 s (what never comes is reported as missing).
  const lastSent = Date.now();
  const expected = () => (sent - sentAtStart - (failed - failedAtStart)) * loaded;
  while (celebrationsReceived < expected() && Date.now() - lastSent < 15_000) await new Promise((resolve) => setTimeout(resolve, 100));
  return { achieved, drainMs: Date.now() - lastSent };
}

// Warm-up, not measured: a freshly started API is still compiling its hot paths. Under this load the tiered JIT's
// background compiler took 13 % of the machine in a profile 10 s in, and half a core until about 45 s in (top, per
// thread); a server that has run for a while is past that.
if (warmup > 0) {
  await drive(warmup);
  console.log(`warm-up: ${sent} sales in ${warmup} s, ${celebrationsReceived} of ${(sent - failed) * loaded} deals delivered`);
}
measuring = true;
probe.postMessage('measure');
sentAtStart = sent;
failedAtStart = failed;
celebrationsReceived = 0;
pushesReceived = 0;
const elu = performance.eventLoopUtilization();
const { achieved, drainMs } = await drive(duration);
const driverBusy = performance.eventLoopUtilization(elu).utilization;
sent -= sentAtStart;
failed -= failedAtStart;
// The probes may still be taking in the last push: give them the same 15 s as the others.
let probed = await (probe.postMessage('report'), fromProbe('report'));
for (const until = Date.now() + 15_000; probed.deals < (sent - failed) * probes && Date.now() < until;) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  probed = await (probe.postMessage('report'), fromProbe('report'));
}
await closeAll(e2eConnections);
await (probe.postMessage('close'), fromProbe('closed'));
await probe.terminate();
const e2e = {
  clients,
  probes,
  warmupSeconds: warmup,
  salesSent: sent,
  salesFailed: failed,
  achievedSalesPerSecond: Math.round(achieved),
  celebrationsReceived: celebrationsReceived + probed.deals,
  celebrationsExpected: (sent - failed) * clients,
  pushesReceived,
  drainMs,
  celebration: summary(probed.latency),
  celebrationOnDriverThread: summary(driverLatency),
  driverEventLoopUtilisation: Number(driverBusy.toFixed(2)),
  leaderboardAfterLastRequest: summary(boardLatency),
  recordSalesRequest: summary(requestLatency),
};
console.log('end to end:', JSON.stringify(e2e));

// Part 2: fan-out of one update to `fanout` connections.
const fanoutLatency = [];
const boardFanout = [];
let boardReceived = 0;
let probedAt = null;
const before = await memory();
const fanStarted = Date.now();
const fanConnections = await connectMany({
  ...hub,
  count: fanout,
  onCelebration: (index, s) => {
    if (probedAt && s.saleEventId && Number(s.reportingAmount) === 1234.5) fanoutLatency.push(Date.now() - Date.parse(s.at));
  },
  onBoard: () => {
    if (probedAt) { boardReceived++; boardFanout.push(Date.now() - probedAt); }
  },
});
console.log(`${fanout} hub clients connected in ${((Date.now() - fanStarted) / 1000).toFixed(1)} s`);
const after = await memory();
await new Promise((resolve) => setTimeout(resolve, 1000));
probedAt = Date.now();
await graphql(RECORD, { sales: [sale('1234.50')] });
const waitUntil = Date.now() + 30_000;
while ((fanoutLatency.length < fanout || boardReceived < fanout) && Date.now() < waitUntil) await new Promise((resolve) => setTimeout(resolve, 100));
await closeAll(fanConnections);
const perConnection = (after.workingSetBytes - before.workingSetBytes) / fanout;
const fan = {
  connections: fanout,
  celebration: summary(fanoutLatency),
  leaderboardFromRequest: summary(boardFanout),
  workingSetBytesPerConnection: Math.round(perConnection),
  managedBytesPerConnection: Math.round((after.managedBytes - before.managedBytes) / fanout),
};
console.log('fan-out:', JSON.stringify(fan));
const result = { e2e, fanout: fan, memory: { idle: memoryIdle, withClients: memoryConnected }, loadAverageAfter: loadavg() };
if (process.env.SPM_BENCH_OUT) writeFileSync(process.env.SPM_BENCH_OUT, JSON.stringify(result, null, 2));
process.exit(0);
