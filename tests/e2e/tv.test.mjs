// The office TV page in headless Debian Chromium (playwright-core, never a downloaded browser):
// served anonymously at /tv, pairs itself through the device flow with a manager approving in
// a second browser context, renders at 1920x1080, and shows a sale recorded during the test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { baseUrl, graphqlUrl, required } from './env.mjs';

const secrets = required('SPM_E2E_SECRETS');
const executablePath = process.env.SPM_E2E_CHROMIUM || '/usr/bin/chromium';
const outputDir = process.env.SPM_E2E_OUTPUT || join(process.cwd(), 'output');
const SCREEN_NAME = 'E2E wall screen';

const secret = (name) => readFileSync(join(secrets, name), 'utf8').trim();

async function clientToken(clientId) {
  const response = await fetch(`${baseUrl}/connect/token`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(`${clientId}:${secret(clientId)}`).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()).access_token;
}

async function gql(token, query, variables = {}) {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

/** Width and height from a PNG's IHDR chunk (bytes 16..24), after checking the signature. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

let browser;
let screen; // the TV's page
let admin;
let tenant;
const contestKey = `tv-e2e-${Date.now().toString(36)}`;
const boardKey = `tv-e2e-deals-${Date.now().toString(36)}`;
const sprintKey = `tv-e2e-sprint-${Date.now().toString(36)}`;

/** Today in the tenant's time zone (windows and contests count by the tenant's calendar). */
const tenantToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: tenant.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

before(async () => {
  mkdirSync(outputDir, { recursive: true });
  // As root (CI) Chromium refuses to start with its sandbox; these are throwaway test pages.
  browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  admin = await clientToken('demo-admin');
  ({ tenant } = await gql(admin, '{ tenant { timeZone reportingCurrency } }'));
  // A company-wide contest on deals won (a sale counts one whatever the tenant's crediting rules),
  // running from a few seconds from now for a day: the screen is paired with it, and the sale
  // below must move it.
  const created = await gql(admin, `mutation Create($input: CreateContestInput!) { createContest(input: $input) { contest { key } errors { code message field } } }`, {
    input: {
      key: contestKey,
      title: 'Deal of the day',
      format: 'TOP_N',
      metric: 'DEALS_WON',
      startsAt: new Date(Date.now() + 2000).toISOString(),
      endsAt: new Date(Date.now() + 86_400_000).toISOString(),
      prizes: ['Dinner for two', 'Cinema tickets', 'A mug'],
    },
  });
  assert.deepEqual(created.createContest.errors, []);
  // A short one that ends while the tests run, for the podium.
  const sprint = await gql(admin, `mutation Create($input: CreateContestInput!) { createContest(input: $input) { contest { key } errors { code message field } } }`, {
    input: {
      key: sprintKey,
      title: 'Sprint',
      format: 'TOP_N',
      metric: 'DEALS_WON',
      startsAt: new Date(Date.now() + 2000).toISOString(),
      endsAt: new Date(Date.now() + 45_000).toISOString(),
      prizes: ['Gold cup', 'Silver cup', 'Bronze cup'],
    },
  });
  assert.deepEqual(sprint.createContest.errors, []);
  // And a standing board: deals won today, company-wide.
  const board = await gql(admin, `mutation Board($input: CreateLeaderboardInput!) { createLeaderboard(input: $input) { leaderboard { key } errors { code message field } } }`, {
    input: { key: boardKey, title: 'Deals today', metrics: [{ metric: 'DEALS_WON' }], window: 'DAY' },
  });
  assert.deepEqual(board.createLeaderboard.errors, []);
});

after(async () => {
  await browser?.close();
});

test('GET /tv/ serves the page anonymously, with local assets only', async () => {
  const redirect = await fetch(`${baseUrl}/tv`, { redirect: 'manual' });
  assert.equal(redirect.status, 302);
  assert.equal(new URL(redirect.headers.get('location'), baseUrl).pathname, '/tv/');

  const page = await fetch(`${baseUrl}/tv/`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type'), /^text\/html/);
  assert.match(page.headers.get('content-security-policy'), /default-src 'self'/);
  const html = await page.text();
  assert.doesNotMatch(html, /https?:\/\//, 'the page must work without internet access');
  const script = html.match(/src="(\/tv\/assets\/[^"]+\.js)"/)?.[1];
  assert.ok(script, 'the page loads its bundle from /tv/assets');
  const asset = await fetch(`${baseUrl}${script}`);
  assert.equal(asset.status, 200);
  assert.match(asset.headers.get('content-type'), /javascript/);
  assert.match(asset.headers.get('cache-control'), /immutable/);

  assert.equal((await fetch(`${baseUrl}/tv/assets/nope.js`)).status, 404);
  // Only the page and its assets are anonymous: nothing else under /tv exists.
  assert.equal((await fetch(`${baseUrl}/tv/package.json`)).status, 401);
});

test('a screen pairs through the device flow and renders at 1920x1080', async () => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  screen = await context.newPage();
  screen.on('pageerror', (error) => console.error('TV page error:', error));
  // Five seconds per board (the least allowed) so both boards come round quickly.
  await screen.goto(`${baseUrl}/tv/?seconds=5`);
  const code = (await screen.locator('#user-code').textContent({ timeout: 15_000 })).trim();
  assert.match(code, /\S{4,}/, 'the screen shows a user code');
  await screen.screenshot({ path: join(outputDir, 'tv-pairing.png') });

  // A manager approves in a browser of their own (its own cookies), as on a phone.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await manager.goto(`${baseUrl}/connect/verify?user_code=${encodeURIComponent(code)}`);
  await manager.fill('#username', 'demo-manager');
  await manager.fill('#password', secret('user-demo-manager'));
  await manager.click('button:has-text("Sign in")');
  await manager.waitForSelector('#boards');
  assert.equal(await manager.inputValue('#user_code'), code);
  await manager.fill('#name', SCREEN_NAME);
  await manager.fill('#boards', (await boardKeys()).join('\n'));
  await manager.click('button[value="approve"]');
  await manager.waitForURL(/paired=1/);
  await managerContext.close();

  // The screen notices by polling, stores its refresh token and knows its name from `me`.
  await screen.waitForFunction(() => document.querySelector('#app')?.dataset.view !== 'pairing', null, { timeout: 20_000 });
  await screen.locator('#footer, .message-title', { hasText: SCREEN_NAME }).first().waitFor({ timeout: 10_000 });
  const refresh = await screen.evaluate(() => localStorage.getItem('spm.tv.refreshToken'));
  assert.ok(refresh && refresh.length > 20, 'the refresh token is stored for the next boot');

  // The first board replaces the connecting message.
  await screen.locator(`section.screen[data-key="${boardKey}"]`).waitFor({ timeout: 15_000 });
  const path = join(outputDir, 'tv-1920x1080.png');
  const png = await screen.screenshot({ path });
  assert.ok(png.length > 1000, 'a non-empty screenshot');
  assert.deepEqual(pngSize(readFileSync(path)), { width: 1920, height: 1080 });
});

test('after a reload the screen signs in with its stored refresh token, no new code', async () => {
  assert.ok(screen, 'paired in the previous test');
  await screen.reload();
  await screen.locator('#footer, .message-title', { hasText: SCREEN_NAME }).first().waitFor({ timeout: 15_000 });
  assert.equal(await screen.locator('#user-code').count(), 0);
});

test('a sale recorded now is celebrated on the screen within 2 seconds and moves the leaderboard and the contest', async () => {
  assert.ok(screen, 'paired in an earlier test');
  // The scheduler starts the contest within its interval; the screen then counts down to its end.
  await waitForContestRunning();
  await screen.locator(`section.contest[data-key="${contestKey}"] .countdown`, { hasText: 'Ends in' }).waitFor({ timeout: 20_000 });

  // The owner: today's leader when the board has one (so the expected rank is certain), else a rep.
  const { leaderboard } = await gql(admin, 'query L($key: String!) { leaderboard(key: $key) { standings { entries { rank name score } } } }', { key: boardKey });
  const entries = leaderboard.standings.entries.map((e) => ({ ...e, score: Number(e.score) }));
  const { participants } = await gql(admin, '{ participants(first: 100) { nodes { id name role status } } }');
  const rep = participants.nodes.find((p) => p.name === entries[0]?.name)
    ?? participants.nodes.find((p) => p.role === 'REP' && p.status === 'ACTIVE') ?? participants.nodes[0];
  const boardScore = (entries.find((e) => e.name === rep.name)?.score ?? 0) + 1;
  const boardRank = 1 + new Set(entries.filter((e) => e.name !== rep.name && e.score > boardScore).map((e) => e.score)).size;
  // The contest counts whole business dates, so deals other tests recorded earlier today are in it too.
  const { contest: before } = await gql(admin, 'query C($key: String!) { contest(key: $key) { standings { displayName score } } }', { key: contestKey });
  const standings = before.standings.map((e) => ({ ...e, score: Number(e.score) }));
  const contestScore = (standings.find((e) => e.displayName === rep.name)?.score ?? 0) + 1;
  const contestRank = 1 + new Set(standings.filter((e) => e.displayName !== rep.name && e.score > contestScore).map((e) => e.score)).size;

  const recorded = await gql(admin, `mutation Sell($input: RecordSalesInput!) { recordSales(input: $input) { results { outcome } errors { code message field } } }`, {
    input: {
      sales: [{
        source: 'e2e-tv',
        externalId: `tv-${Date.now()}`,
        amount: '987654',
        currency: tenant.reportingCurrency,
        closeDate: tenantToday(),
        ownerParticipantId: rep.id,
        product: 'Robot arm',
      }],
    },
  });
  const committedAt = Date.now();
  assert.deepEqual(recorded.recordSales.errors, []);
  assert.equal(recorded.recordSales.results[0].outcome, 'RECORDED');

  // The acceptance check: outbox -> dispatcher -> hub -> this page, within 2 seconds.
  await screen.locator('#celebration .celebration-name', { hasText: rep.name }).waitFor({ state: 'visible', timeout: 2000 });
  console.log(`celebration on screen ${Date.now() - committedAt} ms after recordSales returned`);
  await screen.screenshot({ path: join(outputDir, 'tv-celebration.png') });
  // A manager-paired screen may show amounts: the deal's size is on it.
  assert.match(await screen.locator('#celebration').textContent(), /987,654/);

  // Both boards moved (the screen rotates every 5 s here, so each comes round within the wait).
  await expectRow('leaderboard', boardKey, rep.name, boardRank, boardScore);
  await expectRow('contest', contestKey, rep.name, contestRank, contestScore);
  await screen.screenshot({ path: join(outputDir, 'tv-contest.png') });
});

test('after its connection drops the screen reconnects by itself and shows what it missed from a fresh snapshot', async () => {
  assert.ok(screen, 'paired in an earlier test');
  // Every hub WebSocket of the page goes through this route: passed to the server, or refused while `cut`.
  let cut = false;
  const open = [];
  await screen.routeWebSocket(/\/hubs\/live/, (ws) => {
    if (cut) {
      ws.close({ code: 1011, reason: 'cut by the test' });
      return;
    }
    ws.connectToServer();
    open.push(ws);
  });
  await screen.reload();
  await screen.locator('#status[data-state="live"]').waitFor({ timeout: 15_000 });
  assert.ok(open.length >= 1, 'the hub connection goes through the route');

  // Drop the line and keep it down.
  cut = true;
  for (const ws of open) await ws.close({ code: 1011, reason: 'cut by the test' });
  await screen.locator('#status[data-state="reconnecting"]').waitFor({ timeout: 10_000 });

  // A deal lands while the screen is away: its push goes to a group the screen is no longer in.
  // Today's leader (the earlier test made sure there is one), so the row is surely among those on screen.
  const { leaderboard: board } = await gql(admin, 'query L($key: String!) { leaderboard(key: $key) { standings { entries { rank name score } } } }', { key: boardKey });
  const { participants } = await gql(admin, '{ participants(first: 100) { nodes { id name role status } } }');
  const rep = participants.nodes.find((p) => p.name === board.standings.entries[0]?.name) ?? participants.nodes[0];
  const recorded = await gql(admin, `mutation Sell($input: RecordSalesInput!) { recordSales(input: $input) { errors { code message } } }`, {
    input: { sales: [{ source: 'e2e-tv', externalId: `tv-gap-${Date.now()}`, amount: '1000', currency: tenant.reportingCurrency, closeDate: tenantToday(), ownerParticipantId: rep.id }] },
  });
  assert.deepEqual(recorded.recordSales.errors, []);
  // Wait until the server's board has it, and a push would have gone out, before letting the screen back.
  let entry;
  for (let i = 0; i < 40 && !entry; i++) {
    const { leaderboard } = await gql(admin, 'query L($key: String!) { leaderboard(key: $key) { standings { entries { rank name score } } } }', { key: boardKey });
    entry = leaderboard.standings.entries.find((e) => e.name === rep.name);
    if (!entry) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.ok(entry, `${rep.name} is on the server's board`);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const { leaderboard } = await gql(admin, 'query L($key: String!) { leaderboard(key: $key) { standings { entries { rank name score } } } }', { key: boardKey });
  entry = leaderboard.standings.entries.find((e) => e.name === rep.name);

  cut = false;
  await screen.locator('#status[data-state="live"]').waitFor({ timeout: 20_000 });
  // Only the snapshot taken on re-subscribing can have brought this row.
  await expectRow('leaderboard', boardKey, rep.name, entry.rank, Number(entry.score));
  await screen.unrouteAll({ behavior: 'ignoreErrors' });
});

test('an ended contest shows its podium with the final standings and the prizes', async () => {
  assert.ok(screen, 'paired in an earlier test');
  let ended;
  for (let i = 0; i < 120 && !ended; i++) {
    const { contest } = await gql(admin, 'query C($key: String!) { contest(key: $key) { status standings { rank displayName score } } }', { key: sprintKey });
    if (contest?.status === 'ENDED') ended = contest;
    else await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.ok(ended, `contest ${sprintKey} ended`);
  const first = ended.standings.filter((s) => s.rank === 1).map((s) => s.displayName);
  assert.ok(first.length >= 1, 'deals were won during the sprint (the tests above recorded some)');
  // The screen learns of the end from ContestEnded and shows the podium when the contest comes round.
  const step = screen.locator(`section.contest[data-key="${sprintKey}"] .podium .place-1`);
  await step.waitFor({ timeout: 30_000 });
  assert.equal((await step.locator('.step-name').textContent()).trim(), first.join(' & '));
  assert.equal((await step.locator('.step-prize').textContent()).trim(), 'Gold cup');
  assert.match(await screen.locator(`section.contest[data-key="${sprintKey}"] .countdown`).textContent(), /Final results/);
  await screen.screenshot({ path: join(outputDir, 'tv-podium.png') });
});

test('the same layout at 3840x2160: type scales with the screen and the rows stay on it', async () => {
  assert.ok(screen, 'paired in an earlier test');
  const measure = () => screen.evaluate(() => {
    const title = document.querySelector('.screen-title');
    const rows = [...document.querySelectorAll('section.screen .row')];
    return {
      title: title ? parseFloat(getComputedStyle(title).fontSize) : 0,
      lowest: Math.max(0, ...rows.map((r) => r.getBoundingClientRect().bottom)),
      height: innerHeight,
    };
  });
  await screen.locator('section.screen .row').first().waitFor({ timeout: 15_000 });
  const hd = await measure();
  await screen.setViewportSize({ width: 3840, height: 2160 });
  const uhd = await measure();
  const path = join(outputDir, 'tv-3840x2160.png');
  await screen.screenshot({ path });
  assert.deepEqual(pngSize(readFileSync(path)), { width: 3840, height: 2160 });
  assert.ok(hd.title >= 60, `a title legible across a room at 1080p (${hd.title}px)`);
  assert.ok(Math.abs(uhd.title / hd.title - 2) < 0.05, `type doubles at 4K (${hd.title}px -> ${uhd.title}px)`);
  assert.ok(hd.lowest <= hd.height && uhd.lowest <= uhd.height, 'every row is on the screen');
  await screen.setViewportSize({ width: 1920, height: 1080 });
});

/** Waits until the screen shows `name` at `rank` with `score` on the board `key`; dumps both sides if not. */
async function expectRow(kind, key, name, rank, score) {
  try {
    await screen.waitForFunction(
      ({ kind, key, name, rank, score }) => {
        const rows = document.querySelectorAll(`section.${kind}[data-key="${key}"] .row`);
        const row = [...rows].find((r) => r.querySelector('.name')?.textContent === name);
        return row && Number(row.dataset.rank) === rank && Number(row.dataset.score) === score;
      },
      { kind, key, name, rank, score },
      { timeout: 20_000 },
    );
  } catch (error) {
    const server = kind === 'contest'
      ? await gql(admin, 'query C($key: String!) { contest(key: $key) { status standings { rank displayName score } } }', { key })
      : await gql(admin, 'query L($key: String!) { leaderboard(key: $key) { standings { entries { rank name score } } } }', { key });
    console.error(`${kind} ${key}: expected ${name} at ${rank} with ${score}; the server has`, JSON.stringify(server).slice(0, 800));
    throw error;
  }
}

async function waitForContestRunning() {
  for (let i = 0; i < 60; i++) {
    const { contest } = await gql(admin, 'query C($key: String!) { contest(key: $key) { status } }', { key: contestKey });
    if (contest?.status === 'RUNNING') return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.fail(`contest ${contestKey} did not start`);
}

/** The keys the screen is paired with, in rotation order. */
async function boardKeys() {
  return [boardKey, contestKey, sprintKey];
}
