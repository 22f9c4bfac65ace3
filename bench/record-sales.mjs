// recordSales with one sale per request through HTTP + GraphQL (the whole stack: auth, transport, ledger,
// attainment, outbox), offered at a fixed rate; prints p50/p99 of the request latency.
// Usage: SPM_BENCH_URL=http://127.0.0.1:5080 SPM_BENCH_TOKEN=... node bench/record-sales.mjs [RATE] [SECONDS]
const url = `${process.env.SPM_BENCH_URL ?? 'http://127.0.0.1:5080'}/graphql`;
const token = process.env.SPM_BENCH_TOKEN;
if (!token) throw new Error('SPM_BENCH_TOKEN (an admin access token) is required');
const rate = Number(process.argv[2] ?? 200);
const seconds = Number(process.argv[3] ?? 20);
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

async function gql(query, variables) {
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const org = await gql('{ tenant { reportingCurrency timeZone } participants(first: 100) { nodes { id role } } }');
const reps = org.participants.nodes.filter((p) => p.role === 'REP');
const today = new Intl.DateTimeFormat('en-CA', { timeZone: org.tenant.timeZone }).format(new Date());
const mutation = 'mutation R($input: RecordSalesInput!) { recordSales(input: $input) { results { outcome } errors { code message } } }';
const run = Date.now().toString(36);
// Warm-up, not measured: a fresh API compiles its hot paths (JIT) on the first few hundred requests.
for (let i = 0; i < 200; i++) {
  const sale = { source: 'bench-http-warmup', externalId: `${run}-w${i}`, amount: '10.00', currency: org.tenant.reportingCurrency, closeDate: today, ownerParticipantId: reps[i % reps.length].id };
  await gql(mutation, { input: { sales: [sale] } });
}
const latencies = [];
let failures = 0;
const inflight = [];
const start = performance.now();
for (let i = 0; i < rate * seconds; i++) {
  // Fixed schedule: request i leaves at start + i / rate whatever the earlier ones do (no coordinated omission).
  const due = start + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const sale = { source: 'bench-http', externalId: `${run}-${i}`, amount: '1234.50', currency: org.tenant.reportingCurrency, closeDate: today, ownerParticipantId: reps[i % reps.length].id };
  inflight.push(gql(mutation, { input: { sales: [sale] } }).then(
    (data) => { if (data.recordSales.errors.length > 0) failures++; latencies.push(performance.now() - due); },
    () => { failures++; }));
}
await Promise.all(inflight);
latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
console.log(`recordSales over HTTP, ${rate}/s offered for ${seconds} s: ${latencies.length} ok, ${failures} failed; p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms; load ${(await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').trim()}`);
