// The live hub with the real @microsoft/signalr client, across TWO API processes: ./spm test starts node A and
// node B on the same PostgreSQL and Redis. A sale recorded through node A (GraphQL, as the demo admin client) is
// dispatched by whichever node holds the tenant's lease, and must reach a hub client connected to node B (Redis
// backplane) with its token in the query string, as browsers send it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as signalR from '@microsoft/signalr';
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack';
import { baseUrl, graphqlUrl, required } from './env.mjs';

const adminTokenA = required('SPM_E2E_ADMIN_TOKEN');
const baseUrlB = required('SPM_E2E_URL_B').replace(/\/$/, '');
const adminTokenB = required('SPM_E2E_ADMIN_TOKEN_B');

async function graphql(url, token, query, variables) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

/** A started hub connection over WebSockets only (no negotiation, so no sticky sessions needed), token in the query string. */
async function connect(base, token, { messagePack = false } = {}) {
  let builder = new signalR.HubConnectionBuilder()
    .withUrl(`${base}/hubs/live`, { accessTokenFactory: () => token, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
    .configureLogging(signalR.LogLevel.Warning);
  if (messagePack) builder = builder.withHubProtocol(new MessagePackHubProtocol());
  const connection = builder.build();
  await connection.start();
  // The server joins the tenant's celebration group after the handshake; one invocation waits for that.
  await connection.invoke('SubscribeLeaderboard', 'e2e-board');
  return connection;
}

/** Resolves with the first call of `method` that passes `predicate`. */
function next(connection, method, predicate = () => true, ms = 15_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${method} within ${ms} ms`)), ms);
    const handler = (payload) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      connection.off(method, handler);
      resolve(payload);
    };
    connection.on(method, handler);
  });
}

let sequence = 0;
async function recordSale(owner, amount) {
  const externalId = `e2e-live-${Date.now()}-${sequence++}`;
  const closeDate = new Date().toISOString().slice(0, 10);
  const data = await graphql(graphqlUrl, adminTokenA,
    `mutation($sales: [SaleInput!]!) { recordSales(input: { sales: $sales }) { results { outcome } errors { code message } } }`,
    { sales: [{ source: 'e2e', externalId, amount, currency: 'USD', closeDate, ownerParticipantId: owner.id }] });
  assert.deepEqual(data.recordSales.errors, []);
  return externalId;
}

async function someRep() {
  const data = await graphql(graphqlUrl, adminTokenA, '{ participants(first: 20) { nodes { id name } } }');
  assert.ok(data.participants.nodes.length > 0, 'the demo tenant has participants');
  return data.participants.nodes[0];
}

test('the query-string token is refused on /graphql and accepted on the hub', async () => {
  const url = new URL(graphqlUrl);
  url.searchParams.set('query', '{ tenant { name } }');
  url.searchParams.set('access_token', adminTokenA);
  const refused = await fetch(url, { headers: { Accept: 'application/json' } });
  assert.equal(refused.status, 401, 'GET /graphql?access_token= must not authenticate');

  const anonymous = await fetch(`${baseUrl}/hubs/live/negotiate?negotiateVersion=1`, { method: 'POST' });
  assert.equal(anonymous.status, 401, 'the hub needs a token');
  const negotiated = await fetch(`${baseUrl}/hubs/live/negotiate?negotiateVersion=1&access_token=${encodeURIComponent(adminTokenA)}`, { method: 'POST' });
  assert.equal(negotiated.status, 200, 'the hub takes the query-string token');
});

test('a sale recorded through node A reaches a hub client on node B', { timeout: 90_000 }, async () => {
  // A board every sale moves (deals won this month); created through node A, read through node B.
  const created = await graphql(graphqlUrl, adminTokenA,
    'mutation { createLeaderboard(input: { key: "e2e-deals", title: "Deals this month", metrics: [{ metric: DEALS_WON }], window: MONTH }) { errors { code message } } }');
  assert.deepEqual(created.createLeaderboard.errors, []);
  const onB = await connect(baseUrlB, adminTokenB);
  try {
    const before = await onB.invoke('SubscribeLeaderboard', 'e2e-deals');
    assert.equal(before.boardKey, 'e2e-deals', 'subscribing returns the current snapshot');
    // The leader (if any) stays on the top N after one more deal.
    const people = (await graphql(graphqlUrl, adminTokenA, '{ participants(first: 100) { nodes { id name } } }')).participants.nodes;
    const rep = people.find((p) => p.name === before.top[0]?.displayName) ?? people[0];
    const score = (board) => Number(board.top.find((e) => e.displayName === rep.name)?.score ?? 0);
    const celebrated = next(onB, 'SaleCelebrated', (s) => s.participantName === rep.name && Number(s.reportingAmount) === 4321.5);
    const moved = next(onB, 'LeaderboardChanged', (b) => b.boardKey === 'e2e-deals' && score(b) > score(before));
    await recordSale(rep, '4321.50');
    const sale = await celebrated;
    assert.equal(sale.reportingCurrency, 'USD', 'the demo tenant reports in USD');
    assert.equal(typeof sale.reportingAmount, 'string', 'decimals travel as strings');
    assert.equal(typeof sale.saleEventId, 'string');
    const board = await moved;
    assert.equal(score(board), score(before) + 1);
    assert.ok(board.changed.some((e) => e.displayName === rep.name), 'the rep is among the changed entries');
  } finally {
    await onB.stop();
  }
});

test('the MessagePack protocol carries the same celebration', { timeout: 60_000 }, async () => {
  const rep = await someRep();
  const onA = await connect(baseUrl, adminTokenA, { messagePack: true });
  try {
    // MessagePack keys are the C# property names (SignalR's contractless resolver; the JSON protocol's are camelCase,
    // so a match proves the protocol); decimals are strings as on JSON.
    const celebrated = next(onA, 'SaleCelebrated', (s) => s.ParticipantName === rep.name && Number(s.ReportingAmount) === 777);
    await recordSale(rep, '777');
    const sale = await celebrated;
    assert.equal(sale.ReportingCurrency, 'USD');
  } finally {
    await onA.stop();
  }
});
