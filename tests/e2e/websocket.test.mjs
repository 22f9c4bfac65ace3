// graphql-transport-ws against the real API with the real graphql-ws client (and raw `ws` where
// the test must see individual protocol messages). The token travels in connection_init.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { token, wsUrl, DEMO_TENANT_NAME } from './env.mjs';

const connectionParams = { authorization: `Bearer ${token}` };

function client(options = {}) {
  return createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true, ...options });
}

/** Collects `count` events of a subscription through the client's async iterator, then completes it. */
async function take(c, payload, count) {
  const events = [];
  for await (const result of c.iterate(payload)) {
    events.push(result);
    if (events.length === count) break; // leaving the loop sends `complete`
  }
  return events;
}

test('serverClock streams the server time, one event per interval', { timeout: 20_000 }, async () => {
  const c = client();
  try {
    const before = Date.now();
    const events = await take(c, { query: 'subscription { serverClock(intervalSeconds: 1) }' }, 3);
    for (const event of events) assert.equal(event.errors, undefined);
    const instants = events.map((e) => Date.parse(e.data.serverClock));
    for (const instant of instants) {
      assert.ok(Number.isFinite(instant), 'an ISO-8601 DateTime');
      // Same machine: the server's clock is this clock, give or take scheduling.
      assert.ok(Math.abs(instant - Date.now()) < 5_000);
    }
    assert.match(events[0].data.serverClock, /Z$/, 'UTC');
    // The first event comes at once, the following ones about a second apart.
    assert.ok(instants[0] - before < 1_000, 'first event without waiting an interval');
    const gap = instants[2] - instants[1];
    assert.ok(gap > 700 && gap < 2_000, `interval ${gap} ms`);
  } finally {
    await c.dispose();
  }
});

test('an out-of-range interval is an error, not a stream', { timeout: 10_000 }, async () => {
  const c = client();
  try {
    const events = [];
    let error;
    try {
      for await (const result of c.iterate({ query: 'subscription { serverClock(intervalSeconds: 0) }' })) events.push(result);
    } catch (e) {
      error = e;
    }
    const errors = error ? error : events.flatMap((e) => e.errors ?? []);
    assert.ok(JSON.stringify(errors).includes('intervalSeconds'), JSON.stringify(errors));
    assert.ok(!events.some((e) => e.data?.serverClock), 'no clock event');
  } finally {
    await c.dispose();
  }
});

test('complete from the client stops the server stream', { timeout: 15_000 }, async () => {
  // Raw protocol messages, so the test can see that nothing arrives after `complete`.
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
  const messages = [];
  const waiters = [];
  socket.on('message', (data) => {
    messages.push(JSON.parse(data.toString()));
    waiters.splice(0).forEach((w) => w());
  });
  const until = async (predicate, ms = 5_000) => {
    const deadline = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(messages)}`);
      await new Promise((resolve) => { waiters.push(resolve); setTimeout(resolve, 100); });
    }
  };
  await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
  try {
    socket.send(JSON.stringify({ type: 'connection_init', payload: connectionParams }));
    await until(() => messages.some((m) => m.type === 'connection_ack'));
    socket.send(JSON.stringify({ id: 'clock', type: 'subscribe', payload: { query: 'subscription { serverClock(intervalSeconds: 1) }' } }));
    await until(() => messages.filter((m) => m.type === 'next').length >= 2);
    socket.send(JSON.stringify({ id: 'clock', type: 'complete' }));
    const seen = messages.length;
    // Two more intervals: a stream still running would have sent two more events.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    assert.deepEqual(messages.slice(seen).filter((m) => m.type === 'next'), []);
    // The connection itself stays usable after the operation ended.
    socket.send(JSON.stringify({ id: 'after', type: 'subscribe', payload: { query: '{ tenant { name } }' } }));
    await until(() => messages.some((m) => m.id === 'after' && m.type === 'complete'));
    assert.equal(messages.find((m) => m.id === 'after' && m.type === 'next').payload.data.tenant.name, DEMO_TENANT_NAME);
  } finally {
    socket.close();
  }
});

test('a query over the socket answers once and completes, as the caller\'s tenant', { timeout: 10_000 }, async () => {
  const c = client();
  try {
    const results = [];
    for await (const result of c.iterate({ query: '{ tenant { name } }' })) results.push(result);
    assert.equal(results.length, 1);
    assert.equal(results[0].data.tenant.name, DEMO_TENANT_NAME);
  } finally {
    await c.dispose();
  }
});

test('an operation with variables over the socket (no mutations exist yet: a paged query)', { timeout: 10_000 }, async () => {
  const c = client();
  try {
    const results = [];
    for await (const result of c.iterate({
      query: 'query Page($n: Int!) { participants(first: $n) { totalCount nodes { name } } }',
      variables: { n: 4 },
    })) results.push(result);
    assert.equal(results.length, 1);
    assert.equal(results[0].errors, undefined);
    assert.equal(results[0].data.participants.nodes.length, 4);
    assert.ok(results[0].data.participants.totalCount >= 4);
  } finally {
    await c.dispose();
  }
});

test('the client reconnects and resubscribes after the connection is dropped', { timeout: 30_000 }, async () => {
  // A TCP relay between client and server: destroying it drops the connection from the far
  // side (no close frame), as a restarting node or a proxy timeout would.
  const url = new URL(wsUrl);
  const live = new Set();
  const relay = net.createServer((downstream) => {
    const upstream = net.connect(Number(url.port), url.hostname);
    downstream.pipe(upstream).pipe(downstream);
    const drop = () => { downstream.destroy(); upstream.destroy(); };
    downstream.on('error', drop); upstream.on('error', drop); downstream.on('close', drop); upstream.on('close', drop);
    live.add(drop);
  });
  await new Promise((resolve) => relay.listen(0, '127.0.0.1', resolve));
  let connected = 0;
  const closedCodes = [];
  const c = client({
    url: `ws://127.0.0.1:${relay.address().port}${url.pathname}`,
    retryAttempts: 5,
    retryWait: () => new Promise((resolve) => setTimeout(resolve, 200)),
    shouldRetry: () => true,
    on: { connected: () => { connected += 1; }, closed: (event) => closedCodes.push(event?.code) },
  });
  try {
    const events = [];
    for await (const result of c.iterate({ query: 'subscription { serverClock(intervalSeconds: 1) }' })) {
      assert.equal(result.errors, undefined);
      events.push(result.data.serverClock);
      if (events.length === 2) {
        // Drop every relayed connection once the stream is flowing.
        [...live].forEach((drop) => drop());
        live.clear();
      }
      if (events.length === 4) break;
    }
    assert.equal(connected, 2, 'connected, dropped, connected again');
    assert.ok(closedCodes.length >= 1, 'the drop was seen as a close');
    // Events after the reconnect are fresh instants, not replays.
    assert.ok(Date.parse(events[3]) > Date.parse(events[1]));
  } finally {
    await c.dispose();
    relay.close();
  }
});

async function closeCodeOf(params) {
  const c = client({ connectionParams: params, lazy: false, onNonLazyError: () => {} });
  try {
    return await new Promise((resolve) => c.on('closed', (event) => resolve(event.code)));
  } finally {
    await c.dispose();
  }
}

test('connection_init without a token is refused with 4403', { timeout: 10_000 }, async () => {
  assert.equal(await closeCodeOf({}), 4403);
});

test('connection_init with a forged token is refused with 4403', { timeout: 10_000 }, async () => {
  const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
  assert.equal(await closeCodeOf({ authorization: `Bearer ${forged}` }), 4403);
});
