// ./spm bench graphql: one run against an API the script started (Release, Production settings,
// its own PostgreSQL and Redis). Prints a table and writes the figures as JSON.
// Env: SPM_BENCH_URL, SPM_BENCH_TOKEN, SPM_BENCH_API_PID, SPM_BENCH_OUT (JSON file),
//      SPM_BENCH_DURATION (s, default 10), SPM_BENCH_CONNECTIONS (default 32), SPM_BENCH_SUBSCRIPTIONS (default 1000).
import { readFileSync, writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import WebSocket from 'ws';

const url = process.env.SPM_BENCH_URL;
const token = process.env.SPM_BENCH_TOKEN;
const pid = process.env.SPM_BENCH_API_PID;
if (!url || !token || !pid) throw new Error('run through ./spm bench graphql (SPM_BENCH_URL, SPM_BENCH_TOKEN, SPM_BENCH_API_PID)');
const duration = Number(process.env.SPM_BENCH_DURATION ?? 10);
const connections = Number(process.env.SPM_BENCH_CONNECTIONS ?? 32);
const subscriptions = Number(process.env.SPM_BENCH_SUBSCRIPTIONS ?? 1000);

const headers = {
  'content-type': 'application/json',
  accept: 'application/graphql-response+json',
  authorization: `Bearer ${token}`,
};

const SMALL = '{ tenant { name } }';
const PAGE = `{ participants(first: 100) { edges { cursor node { id name email role status hireDate payCurrency
  team { name } manager { name } } } pageInfo { hasNextPage endCursor } } }`;
// Unpaged lists: the schema's own way to a big answer (every team with all its members).
const LARGE = '{ teams { name members { id name email role status hireDate payCurrency manager { name } } } }';

/** One request first: the figures are worthless if the answer is an error. */
async function check(path, query, expect) {
  const response = await fetch(url + path, { method: 'POST', headers, body: JSON.stringify({ query }) });
  const text = await response.text();
  const body = JSON.parse(text);
  if (response.status !== 200 || body.errors) throw new Error(`${path} ${query}: ${response.status} ${text.slice(0, 500)}`);
  expect(body.data);
  return Buffer.byteLength(text);
}

/** CPU seconds the API process has used (user + system, from /proc): robust on a busy machine. */
function cpuSeconds() {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
}

async function load(name, path, query, clients = connections) {
  const options = { url: url + path, method: 'POST', headers, body: JSON.stringify({ query }), connections: clients, timeout: 60 };
  // A short warm-up so JIT, pools and caches are settled before measuring.
  await autocannon({ ...options, duration: 2 });
  const cpuBefore = cpuSeconds();
  const r = await autocannon({ ...options, duration });
  const cpu = cpuSeconds() - cpuBefore;
  if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0) {
    throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  }
  const result = {
    name, connections: clients, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99,
    bytesPerSec: r.throughput.average, requests: r.requests.total, cpuSeconds: cpu, cpuUsPerRequest: (cpu * 1e6) / r.requests.total,
  };
  console.log(`  ${name}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.cpuUsPerRequest.toFixed(0)} µs API CPU/request (${clients} connections)`);
  return result;
}

/** The API's resident set (from /proc) and its live managed heap after a full GC (bench-only endpoint). */
async function memory() {
  const response = await fetch(`${url}/bench/memory`, { headers: { authorization: `Bearer ${token}` } });
  const { managedBytes } = await response.json();
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { rss: Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) * 1024, managed: managedBytes };
}

async function idleSubscriptions(count) {
  const sockets = [];
  const wsUrl = `${url.replace(/^http/, 'ws')}/graphql`;
  const open = () => new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
    const timer = setTimeout(() => reject(new Error('no first event within 30 s')), 30_000);
    socket.on('error', reject);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString());
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: 'clock', type: 'subscribe', payload: { query: 'subscription { serverClock(intervalSeconds: 3600) }' } }));
      } else if (message.type === 'next') {
        clearTimeout(timer);
        resolve(socket); // subscribed and streaming; the next event is an hour away
      } else if (message.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
      } else if (message.type !== 'pong') {
        reject(new Error(`unexpected ${data}`));
      }
    });
  });
  // One subscription first, so the code paths are loaded and JIT-compiled before measuring.
  const first = await open();
  const before = await memory();
  const started = Date.now();
  for (let i = 0; i < count; i += 50) {
    sockets.push(...(await Promise.all(Array.from({ length: Math.min(50, count - i) }, open))));
  }
  const setupMs = Date.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const after = await memory();
  const alive = sockets.filter((s) => s.readyState === WebSocket.OPEN).length;
  [first, ...sockets].forEach((s) => s.close());
  return {
    count,
    alive,
    setupMs,
    before,
    after,
    rssPerSubscription: (after.rss - before.rss) / count,
    managedPerSubscription: (after.managed - before.managed) / count,
  };
}

const smallBytes = await check('/graphql', SMALL, (d) => { if (!d.tenant.name) throw new Error('no tenant'); });
await check('/bench/bare-graphql', SMALL, (d) => { if (!d.tenant.name) throw new Error('no tenant'); });
const pageBytes = await check('/graphql', PAGE, (d) => { if (d.participants.edges.length !== 100) throw new Error('not 100 rows'); });
const largeBytes = await check('/graphql', LARGE, (d) => { if (d.teams.length === 0) throw new Error('no teams'); });

// Subscriptions first, on a process not yet churned by the HTTP load.
const subs = await idleSubscriptions(subscriptions);
console.log(`  ${subs.alive} idle subscriptions: ${(subs.managedPerSubscription / 1024).toFixed(1)} KB managed heap, ${(subs.rssPerSubscription / 1024).toFixed(1)} KB RSS each`);

const results = [];
// Transport and bare endpoint alternate over several rounds, so a load change on a shared
// machine hits both alike; the figures are the sums over the rounds.
const rounds = Number(process.env.SPM_BENCH_ROUNDS ?? 3);
const transportRounds = [];
const bareRounds = [];
for (let i = 0; i < rounds; i++) {
  transportRounds.push(await load(`small query, transport, round ${i + 1}`, '/graphql', SMALL));
  bareRounds.push(await load(`small query, bare endpoint, round ${i + 1}`, '/bench/bare-graphql', SMALL));
}
const combine = (name, list) => ({
  name,
  connections,
  rps: list.reduce((sum, r) => sum + r.requests, 0) / (duration * list.length),
  // Latency percentiles of the round with the median throughput.
  p50: [...list].sort((a, b) => a.rps - b.rps)[Math.floor(list.length / 2)].p50,
  p99: [...list].sort((a, b) => a.rps - b.rps)[Math.floor(list.length / 2)].p99,
  requests: list.reduce((sum, r) => sum + r.requests, 0),
  cpuUsPerRequest: (list.reduce((sum, r) => sum + r.cpuSeconds, 0) * 1e6) / list.reduce((sum, r) => sum + r.requests, 0),
  responseBytes: smallBytes,
});
results.push(combine('small query, transport (document cache on)', transportRounds));
results.push(combine('small query, bare GraphQL.NET endpoint', bareRounds));
results.push({ ...(await load('participants(first: 100)', '/graphql', PAGE)), responseBytes: pageBytes });
// Fewer connections: each answer is a megabyte of JSON built on the same two cores.
results.push({ ...(await load(`large answer (teams { members })`, '/graphql', LARGE, 4)), responseBytes: largeBytes });
const ratio = results[0].rps / results[1].rps;
// The same comparison in API CPU per request: what the transport costs, whatever else runs.
const cpuRatio = results[1].cpuUsPerRequest / results[0].cpuUsPerRequest;

const kb = (b) => `${(b / 1024).toFixed(b < 10_240 ? 1 : 0)} KB`;
console.log(`\n${duration} s per case after a 2 s warm-up (small query: ${rounds} alternating rounds each); autocannon and the API share the machine\n`);
console.log('case                                          conns   req/s   p50 ms  p99 ms  CPU µs/req  response');
for (const r of results) {
  console.log(`${r.name.padEnd(44)} ${String(r.connections).padStart(5)} ${r.rps.toFixed(0).padStart(7)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(7)} ${r.cpuUsPerRequest.toFixed(0).padStart(11)}  ${kb(r.responseBytes)}`);
}
console.log(`\ntransport / bare: ${(ratio * 100).toFixed(1)} % of the requests per second; ${(cpuRatio * 100).toFixed(1)} % by API CPU per request`);
const mb = (b) => `${(b / 2 ** 20).toFixed(1)} MB`;
console.log(`${subs.alive}/${subs.count} idle serverClock subscriptions (one WebSocket each) set up in ${subs.setupMs} ms`);
console.log(`  managed heap after full GC ${mb(subs.before.managed)} -> ${mb(subs.after.managed)}: ${kb(subs.managedPerSubscription)} per subscription`);
console.log(`  process RSS ${mb(subs.before.rss)} -> ${mb(subs.after.rss)}: ${kb(subs.rssPerSubscription)} per subscription`);
if (process.env.SPM_BENCH_OUT) {
  writeFileSync(process.env.SPM_BENCH_OUT, JSON.stringify({ connections, duration, results, ratio, cpuRatio, subscriptions: subs }, null, 2));
}
