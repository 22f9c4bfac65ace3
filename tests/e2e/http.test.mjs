// GraphQL over HTTP against the real API with plain fetch: what any HTTP client sees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, graphqlUrl, token, DEMO_TENANT_NAME } from './env.mjs';

const auth = { Authorization: `Bearer ${token}` };

const post = (body, headers = {}) =>
  fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json', ...auth, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const mediaType = (response) => (response.headers.get('content-type') ?? '').split(';')[0].trim();

test('POST application/json executes a query', async () => {
  const response = await post({ query: 'query Tenant { tenant { name } }', operationName: 'Tenant' });
  assert.equal(response.status, 200);
  assert.equal(mediaType(response), 'application/graphql-response+json');
  const body = await response.json();
  assert.equal(body.errors, undefined);
  assert.equal(body.data.tenant.name, DEMO_TENANT_NAME);
  // Every response reports its cost (the transport's budget).
  assert.equal(typeof body.extensions.cost.requestedQueryCost, 'number');
});

test('GET with variables as a JSON string executes the query', async () => {
  const url = new URL(graphqlUrl);
  url.searchParams.set('query', 'query Page($n: Int!) { participants(first: $n) { nodes { name } } }');
  url.searchParams.set('variables', JSON.stringify({ n: 3 }));
  const response = await fetch(url, { headers: { Accept: 'application/graphql-response+json', ...auth } });
  assert.equal(response.status, 200);
  const body = await response.json();
  assert.equal(body.errors, undefined);
  assert.equal(body.data.participants.nodes.length, 3);
});

test('a mutation over GET is 405 with Allow: POST', async () => {
  const url = new URL(graphqlUrl);
  url.searchParams.set('query', 'mutation { __typename }');
  const response = await fetch(url, { headers: { Accept: 'application/graphql-response+json', ...auth } });
  assert.equal(response.status, 405);
  assert.equal(response.headers.get('allow'), 'POST');
});

test('a subscription over GET is 405 too (subscriptions need the WebSocket)', async () => {
  const url = new URL(graphqlUrl);
  url.searchParams.set('query', 'subscription { serverClock }');
  const response = await fetch(url, { headers: { Accept: 'application/graphql-response+json', ...auth } });
  assert.equal(response.status, 405);
  assert.equal(response.headers.get('allow'), 'POST');
});

test('Accept negotiation: graphql-response+json gets 400 for a validation error, application/json gets 200', async () => {
  const invalid = { query: '{ tenant { noSuchField } }' };
  const modern = await post(invalid, { Accept: 'application/graphql-response+json' });
  assert.equal(modern.status, 400);
  assert.equal(mediaType(modern), 'application/graphql-response+json');
  assert.ok((await modern.json()).errors.length > 0);

  const legacy = await post(invalid, { Accept: 'application/json' });
  assert.equal(legacy.status, 200);
  assert.equal(mediaType(legacy), 'application/json');
  assert.ok((await legacy.json()).errors.length > 0);

  const nothingAcceptable = await post({ query: '{ tenant { name } }' }, { Accept: 'image/png' });
  assert.equal(nothingAcceptable.status, 406);
});

test('a text/plain body is 415 (what a cross-site form could send)', async () => {
  const response = await post('{"query":"{ tenant { name } }"}', { 'Content-Type': 'text/plain' });
  assert.equal(response.status, 415);
});

test('no token is 401', async () => {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: '{ tenant { name } }' }),
  });
  assert.equal(response.status, 401);
  // The standard bearer challenge (RFC 6750) tells the client which scheme to use.
  assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
});

test('a browser GET of /graphql gets GraphiQL, whose assets are local and anonymous', async () => {
  const page = await fetch(graphqlUrl, { headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
  assert.equal(page.status, 200);
  assert.equal(mediaType(page), 'text/html');
  const html = await page.text();
  assert.match(html, /<div id="graphiql">/);
  // data: URIs (the empty favicon) are inline, not fetched.
  const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((a) => !a.startsWith('data:'));
  assert.ok(assets.length >= 2, `expected a script and a stylesheet, got ${assets}`);
  for (const asset of assets) {
    // No CDN: every asset comes from this server.
    assert.match(asset, /^\/graphiql\//);
    const response = await fetch(baseUrl + asset);
    assert.equal(response.status, 200, asset);
    assert.ok((await response.arrayBuffer()).byteLength > 0, asset);
  }
  const callback = await fetch(`${baseUrl}/graphiql/callback.html`);
  assert.equal(callback.status, 200);
});
