// The office screen's life: get paired (or take a kiosk token), learn which boards it may show,
// keep a live connection to the hub forever, rotate through the boards and celebrate deals.
//
// URL options (query string or fragment): seconds=N per board (default 15), protocol=messagepack,
// token=ACCESS_TOKEN or refresh_token=TOKEN for kiosk setups (fragment only: never sent anywhere).
import './style.css';
import { fetchDisplay } from './api';
import { PairingLost, TokenStore } from './auth';
import { backoffMs, LiveConnection } from './live';
import type { Board, Contest } from './model';
import { celebrate, renderBoard, renderContest, setConnectionState, setFooter, showMessage, showPairing, tickCountdowns } from './view';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const options = new URLSearchParams(location.search);
const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
const option = (name: string) => fragment.get(name) ?? options.get(name);
const secondsPerBoard = Math.max(5, Number(option('seconds')) || 15);
const messagePack = (option('protocol') ?? '').toLowerCase() === 'messagepack';

const tokens = new TokenStore();
const kiosk = TokenStore.fromFragment(location.hash);
if (kiosk.refreshToken) tokens.useRefreshToken(kiosk.refreshToken);
if (kiosk.accessToken) tokens.useAccessToken(kiosk.accessToken);
if (kiosk.accessToken || kiosk.refreshToken) {
  // Out of the address bar (and out of anyone's photo of the screen).
  fragment.delete('token');
  fragment.delete('access_token');
  fragment.delete('refresh_token');
  history.replaceState(null, '', location.pathname + location.search + (fragment.toString() ? `#${fragment}` : ''));
}

/** Shows a code until a manager approves it; a refused or expired code is replaced by a fresh one. */
async function pair(): Promise<void> {
  for (let attempt = 0; ; ) {
    let codes;
    try {
      codes = await tokens.requestCodes();
      attempt = 0;
    } catch (error) {
      showMessage('Cannot reach Spm', `Retrying… (${error instanceof Error ? error.message : String(error)})`);
      await sleep(backoffMs(attempt++));
      continue;
    }
    showPairing(codes.userCode, codes.verificationUri, codes.verificationUriComplete);
    try {
      await tokens.waitForApproval(codes, new AbortController().signal);
      return;
    } catch (error) {
      if (!(error instanceof PairingLost)) throw error;
      // Loop: a new code.
    }
  }
}

/** Everything the screen knows about its boards, by key, as last pushed. */
const snapshots = new Map<string, Board | Contest>();
let boards: string[] = [];
let current = 0;
let rotation: ReturnType<typeof setInterval> | undefined;
let displayName = '';

function show(index: number): void {
  const shown = boards.filter((key) => snapshots.has(key));
  if (shown.length === 0) {
    showMessage(displayName || 'Spm', 'Waiting for the boards…');
    return;
  }
  current = ((index % boards.length) + boards.length) % boards.length;
  // Skip boards that have no data (unknown key, not yet answered).
  for (let i = 0; i < boards.length && !snapshots.has(boards[current]!); i++) current = (current + 1) % boards.length;
  const snapshot = snapshots.get(boards[current]!)!;
  if (snapshot.kind === 'leaderboard') renderBoard(snapshot);
  else renderContest(snapshot);
  setFooter(displayName, shown.indexOf(boards[current]!) + 1, shown.length);
}

function update(snapshot: Board | Contest): void {
  // Pushes name their board; an unknown key (not ours) is ignored.
  const key = snapshot.key;
  if (!boards.includes(key)) return;
  const first = snapshots.size === 0;
  snapshots.set(key, snapshot);
  if (first || boards[current] === key) show(first ? boards.indexOf(key) : current);
}

function restartRotation(): void {
  clearInterval(rotation);
  rotation = setInterval(() => {
    if (boards.filter((key) => snapshots.has(key)).length > 1) show(current + 1);
  }, secondsPerBoard * 1000);
}

tickCountdowns(() => {
  const snapshot = snapshots.get(boards[current] ?? '');
  return snapshot?.kind === 'contest' ? snapshot : null;
});

/** Runs until the screen loses its pairing; then resolves so the caller pairs again. */
async function run(): Promise<void> {
  let display;
  for (let attempt = 0; ; attempt++) {
    try {
      display = await fetchDisplay(tokens);
      break;
    } catch (error) {
      if (error instanceof PairingLost) throw error;
      showMessage('Cannot reach Spm', `Retrying… (${error instanceof Error ? error.message : String(error)})`);
      await sleep(backoffMs(attempt));
    }
  }
  displayName = display.name;
  boards = display.allowedBoards;
  snapshots.clear();
  current = 0;
  showMessage(display.name, 'Connecting…');

  await new Promise<void>((resolve) => {
    const live = new LiveConnection(
      tokens,
      boards,
      {
        board: update,
        contest: update,
        contestEvent: (contest, event) => {
          if (!boards.includes(contest.key)) return;
          snapshots.set(contest.key, contest);
          // A start or a finish is news: show it now, and give it a full turn on screen.
          show(boards.indexOf(contest.key));
          if (event === 'ended') restartRotation();
        },
        celebrate: (celebration) => celebrate(celebration),
        state: (state, detail) => setConnectionState(state, detail),
        lost: () => {
          void live.stop();
          resolve();
        },
      },
      messagePack,
    );
    restartRotation();
    void live.start();
  });
  throw new PairingLost('The hub refused this screen.');
}

async function main(): Promise<void> {
  for (;;) {
    if (!tokens.hasCredentials()) await pair();
    try {
      await run();
    } catch (error) {
      if (!(error instanceof PairingLost)) {
        showMessage('Something went wrong', String(error));
        await sleep(5000);
        continue;
      }
      clearInterval(rotation);
      tokens.forget();
    }
  }
}

void main();
