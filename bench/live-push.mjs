// ./spm bench live (push part): end to end, sale committed -> SaleCelebrated / LeaderboardChanged received by a hub
// client (a celebration push carries a burst of deals: every deal in it is counted and timed), at a sustained sales rate with many hub clients connected; then fan-out of one board update to many
// connections, with the server's memory per connection. Against an API the script started (Release, Production).
// Env: SPM_BENCH_URL, SPM_BENCH_TOKEN (demo admin), SPM_BENCH_OUT (JSON file), SPM_BENCH_RATE (sales/s, 200),
//      SPM_BENCH_DURATION (s, 20), SPM_BENCH_CLIENTS (1000), SPM_BENCH_FANOUT (5000).
// "Committed" is the sale's own event time (`at`, stamped in the recording request before its commit), so the
// figures include a little of the request itself: they overstate, never understate. Same machine, same clock.
import { writeFileSync } from 'node:fs';
import * as signalR from '@microsoft/signalr';

const url = process.env.SPM_BENCH_URL;
const token = process.env.SPM_BENCH_TOKEN;
if (!url || !token) throw new Error('run through ./spm bench live (SPM_BENCH_URL, SPM_BENCH_TOKEN)');
const rate = Number(process.env.SPM_BENCH_RATE ?? 200);
const duration = Number(process.env.SPM_BENCH_DURATION ?? 20);
const clients = Number(process.env.SPM_BENCH_CLIENTS ?? 1000);
const fanout = Number(process.env.SPM_BENCH_FANOUT ?? 5000);
const BOARD = 'bench-revenue';

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

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);
const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] };
};

/** `count` hub connections (WebSockets, no negotiation), `parallel` handshakes at a time; each subscribes to the board. */
async function connectMany(count, onCelebration, onBoard, parallel = 50) {
  const connections = [];
  let next = 0;
  async function worker() {
    while (next < count) {
      const index = next++;
      const connection = new signalR.HubConnectionBuilder()
        .withUrl(`${url}/hubs/live`, { accessTokenFactory: () => token, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
        .configureLogging(signalR.LogLevel.None)
        .build();
      connection.serverTimeoutInMilliseconds = 600_000;
      connection.on('SaleCelebrated', (sale) => onCelebration(index, sale));
      connection.on('LeaderboardChanged', (board) => onBoard(index, board));
      await connection.start();
      await connection.invoke('SubscribeLeaderboard', BOARD);
      connections.push(connection);
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker));
  return connections;
}

async function closeAll(connections) {
  for (let i = 0; i < connections.length; i += 200) await Promise.all(connections.slice(i, i + 200).map((c) => c.stop().catch(() => {})));
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

console.log(`load average before: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);

// Part 1: end to end at a sustained rate with `clients` connections.
const celebrationLatency = [];
const boardLatency = [];
let celebrationsReceived = 0; // deals, summed over all clients
let pushesReceived = 0; // SaleCelebrated messages, summed over all clients
// Latency sampled on every 50th client (20 of 1,000): spread over the group, since the server writes to a group's
// connections one after another and the first-connected would flatter the figures. Every client counts what it receives.
const sampled = (index) => index % Math.max(1, Math.floor(clients / 20)) === 0;
const lastSaleAt = { t: 0 };
const memoryIdle = await memory();
const started = Date.now();
const e2eConnections = await connectMany(clients, (index, s) => {
  // One push stands for a burst of deals (coalesced per tenant): the headline and every deal it carries count,
  // each from its own commit time.
  const deals = [s, ...(s.alsoLanded ?? [])];
  celebrationsReceived += 1 + (s.alsoLandedCount ?? 0);
  pushesReceived++;
  if (sampled(index)) {
    const now = Date.now();
    for (const deal of deals) celebrationLatency.push(now - Date.parse(deal.at));
  }
}, (index, board) => {
  if (sampled(index) && lastSaleAt.t) boardLatency.push(Date.now() - lastSaleAt.t);
});
console.log(`${clients} hub clients connected in ${((Date.now() - started) / 1000).toFixed(1)} s`);
const memoryConnected = await memory();

const tick = 50; // ms; rate/20 sales per request
const perTick = Math.max(1, Math.round((rate * tick) / 1000));
let sent = 0;
let failed = 0;
const inFlight = new Set();
const runStarted = Date.now();
while (Date.now() - runStarted < duration * 1000) {
  const due = Math.floor(((Date.now() - runStarted) / 1000) * rate);
  while (sent < due) {
    const batch = Array.from({ length: perTick }, () => sale('100.00'));
    sent += batch.length;
    lastSaleAt.t = Date.now();
    // A refused batch (errors in the payload) records nothing: counted as failed, not as sent-and-lost.
    const request = graphql(RECORD, { sales: batch })
      .then((data) => { if (data.recordSales.errors.length) throw new Error(JSON.stringify(data.recordSales.errors)); })
      .catch((error) => { failed += batch.length; if (failed === batch.length) console.error('refused:', String(error).slice(0, 300)); })
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  }
  await new Promise((resolve) => setTimeout(resolve, tick / 2));
}
await Promise.all(inFlight);
const achieved = sent / ((Date.now() - runStarted) / 1000);
// Let the last pushes land: until every client has every deal, or 15 s (what never comes is reported as missing).
const lastSent = Date.now();
while (celebrationsReceived < (sent - failed) * clients && Date.now() - lastSent < 15_000) await new Promise((resolve) => setTimeout(resolve, 100));
const drainMs = Date.now() - lastSent;
await closeAll(e2eConnections);
const e2e = { clients, salesSent: sent, salesFailed: failed, achievedSalesPerSecond: Math.round(achieved), celebrationsReceived, celebrationsExpected: (sent - failed) * clients, pushesReceived, drainMs, celebration: summary(celebrationLatency), leaderboardAfterLastRequest: summary(boardLatency) };
console.log('end to end:', JSON.stringify(e2e));

// Part 2: fan-out of one update to `fanout` connections.
const fanoutLatency = [];
const boardFanout = [];
let boardReceived = 0;
let probe = null;
const before = await memory();
const fanStarted = Date.now();
const fanConnections = await connectMany(fanout, (index, s) => {
  if (probe && s.saleEventId && Number(s.reportingAmount) === 1234.5) fanoutLatency.push(Date.now() - Date.parse(s.at));
}, () => {
  if (probe) { boardReceived++; boardFanout.push(Date.now() - probe); }
});
console.log(`${fanout} hub clients connected in ${((Date.now() - fanStarted) / 1000).toFixed(1)} s`);
const after = await memory();
await new Promise((resolve) => setTimeout(resolve, 1000));
probe = Date.now();
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
const result = { e2e, fanout: fan, memory: { idle: memoryIdle, withClients: memoryConnected }, loadAverageAfter: (await import('node:os')).loadavg() };
if (process.env.SPM_BENCH_OUT) writeFileSync(process.env.SPM_BENCH_OUT, JSON.stringify(result, null, 2));
process.exit(0);
