#!/usr/bin/env node
// Feeds the demo tenant a steady, realistic stream of sales and activities through the real API (recordSales,
// logActivities with the demo-admin client), so leaderboards, contests and TV screens visibly move.
//
//   SPM_API_URL          API base URL (default http://127.0.0.1:$SPM_API_PORT, port default 5080)
//   SPM_HOME             where ./spm keeps its data; the client secret is $SPM_HOME/secrets/demo-admin
//   SPM_SIMULATE_RATE    sales per second (default 2; decimals allowed, e.g. 0.5)
//   SPM_SIMULATE_ACTIVITY_RATE  activities per second (default 3 x the sales rate)
//
// Stops on SIGINT/SIGTERM (./spm stop). Errors are logged and retried with backoff; it never gives up.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const home = process.env.SPM_HOME ?? join(root, '.spm');
const api = process.env.SPM_API_URL ?? `http://127.0.0.1:${process.env.SPM_API_PORT ?? '5080'}`;
const salesRate = Number(process.env.SPM_SIMULATE_RATE ?? '2');
const activityRate = Number(process.env.SPM_SIMULATE_ACTIVITY_RATE ?? String(salesRate * 3));
if (!(salesRate >= 0) || !(activityRate >= 0)) {
  console.error('simulate: SPM_SIMULATE_RATE and SPM_SIMULATE_ACTIVITY_RATE must be non-negative numbers');
  process.exit(2);
}

const clientId = 'demo-admin';
const secret = readFileSync(join(home, 'secrets', clientId), 'utf8').trim();
const products = ['Robot Arm R2', 'Vision Kit', 'Gripper Pro', 'Service Plan', 'Fleet Controller', 'Training Pack'];
const activityKinds = [['CALL', 45], ['EMAIL', 30], ['MEETING', 12], ['DEMO', 8], ['VISIT', 5]];
const outcomes = ['connected', 'left voicemail', 'follow-up booked', 'no answer', 'interested'];
const run = `${Date.now().toString(36)}-${process.pid}`;
let token = null;
let tokenExpires = 0;
let counter = 0;
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { stopping = true; });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (...args) => console.log(new Date().toISOString(), ...args);

async function accessToken() {
  if (token && Date.now() < tokenExpires - 60_000) return token;
  const response = await fetch(`${api}/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` },
    body: 'grant_type=client_credentials',
  });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  const body = await response.json();
  token = body.access_token;
  tokenExpires = Date.now() + (body.expires_in ?? 3600) * 1000;
  return token;
}

async function graphql(query, variables) {
  const response = await fetch(`${api}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${await accessToken()}` },
    body: JSON.stringify({ query, variables }),
  });
  if (response.status === 401) token = null;
  const body = await response.json().catch(() => ({}));
  if (!response.ok || body.errors) throw new Error(`GraphQL ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
  return body.data;
}

async function loadOrganisation() {
  const data = await graphql('{ tenant { reportingCurrency timeZone } participants(first: 100) { nodes { id name role status } } }');
  const reps = data.participants.nodes.filter((p) => p.role === 'REP' && p.status !== 'TERMINATED');
  if (reps.length === 0) throw new Error('the demo tenant has no reps; run ./spm up first');
  // Some reps are on a streak: a skewed weight per rep makes the top of a board distinct and lets it change hands.
  return { currency: data.tenant.reportingCurrency, timeZone: data.tenant.timeZone, reps: reps.map((r) => ({ ...r, weight: 0.3 + Math.random() ** 2 * 3 })) };
}

function pick(reps) {
  const total = reps.reduce((sum, r) => sum + r.weight, 0);
  let x = Math.random() * total;
  for (const rep of reps) if ((x -= rep.weight) <= 0) return rep;
  return reps[reps.length - 1];
}

function weighted(pairs) {
  let x = Math.random() * pairs.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of pairs) if ((x -= w) <= 0) return value;
  return pairs[0][0];
}

// Deal sizes are log-normal (many small, a few large): median about 6,000, rarely above 60,000.
function dealAmount() {
  const normal = Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
  return Math.min(250_000, Math.max(250, Math.round(Math.exp(Math.log(6000) + 0.9 * normal) / 10) * 10)).toFixed(2);
}

// How many events this tick: the integer part always, the fraction with that probability.
const count = (rate, seconds) => Math.floor(rate * seconds) + (Math.random() < (rate * seconds) % 1 ? 1 : 0);

async function main() {
  log(`simulate: ${salesRate} sales/s and ${activityRate} activities/s into ${api}`);
  let org = null;
  let backoff = 1000;
  let sent = { sales: 0, activities: 0 };
  let lastReport = Date.now();
  while (!stopping) {
    const started = Date.now();
    try {
      org ??= await loadOrganisation();
      // The tenant's business date: day and week boards count in its time zone, not the machine's.
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: org.timeZone ?? 'UTC' }).format(new Date());
      const sales = Array.from({ length: count(salesRate, 1) }, () => ({
        source: 'simulator', externalId: `sim-${run}-${++counter}`, amount: dealAmount(), currency: org.currency, closeDate: today,
        ownerParticipantId: pick(org.reps).id, product: products[Math.floor(Math.random() * products.length)],
      }));
      const activities = Array.from({ length: count(activityRate, 1) }, () => ({
        source: 'simulator', externalId: `sim-${run}-${++counter}`, kind: weighted(activityKinds), participantId: pick(org.reps).id,
        occurredAt: new Date().toISOString(), outcome: outcomes[Math.floor(Math.random() * outcomes.length)],
      }));
      if (sales.length > 0) {
        const data = await graphql('mutation($sales: [SaleInput!]!) { recordSales(input: { sales: $sales }) { errors { code message } } }', { sales });
        if (data.recordSales.errors.length > 0) throw new Error(`recordSales: ${JSON.stringify(data.recordSales.errors[0])}`);
        sent.sales += sales.length;
      }

      if (activities.length > 0) {
        const data = await graphql('mutation($activities: [ActivityInput!]!) { logActivities(input: { activities: $activities }) { errors { code message } } }', { activities });
        if (data.logActivities.errors.length > 0) throw new Error(`logActivities: ${JSON.stringify(data.logActivities.errors[0])}`);
        sent.activities += activities.length;
      }

      backoff = 1000;
      if (Date.now() - lastReport >= 60_000) {
        log(`simulate: ${sent.sales} sales and ${sent.activities} activities in the last minute`);
        sent = { sales: 0, activities: 0 };
        lastReport = Date.now();
      }

      await sleep(Math.max(0, 1000 - (Date.now() - started)));
    } catch (error) {
      log(`simulate: ${error.message}; retrying in ${backoff / 1000}s`);
      await sleep(backoff);
      backoff = Math.min(30_000, backoff * 2);
    }
  }

  log('simulate: stopped');
}

await main();
