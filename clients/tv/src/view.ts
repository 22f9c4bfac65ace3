// What the room sees. Rows are keyed by subject and reused between snapshots so a rank change
// can be animated FLIP-style: measure where each row was, re-order, then slide it from the old
// place to the new one with a CSS transform (cheap on a TV's weak GPU: no layout per frame).
import { serverNow } from './api';
import { formatLabel, formatMoney, formatScore, type Board, type Celebration, type Contest, type Entry } from './model';

const app = () => document.getElementById('app')!;
// Rows that fit under the header of a 16:9 screen: a board's ten; a contest's countdown takes two
// rows' height; the podium leaves room for four more places.
const BOARD_ROWS = 10;
const CONTEST_ROWS = 8;
const PODIUM_REST_ROWS = 4;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function showMessage(title: string, detail = ''): void {
  const root = app();
  root.replaceChildren();
  root.dataset.view = 'message';
  const box = el('section', 'message');
  box.append(el('h1', 'message-title', title));
  if (detail) box.append(el('p', 'message-detail', detail));
  root.append(box);
}

export function showPairing(userCode: string, verificationUri: string, verificationUriComplete: string | null): void {
  const root = app();
  root.replaceChildren();
  root.dataset.view = 'pairing';
  const box = el('section', 'pairing');
  box.append(el('p', 'pairing-lead', 'Pair this screen'));
  const code = el('p', 'pairing-code', userCode);
  code.id = 'user-code';
  box.append(code);
  const how = el('p', 'pairing-how');
  how.append('A manager or admin opens ', el('strong', 'pairing-url', verificationUri), ' and enters this code.');
  box.append(how);
  if (verificationUriComplete) box.append(el('p', 'pairing-complete', verificationUriComplete));
  root.append(box);
}

/** The frame shared by boards and contests: header with title and subtitle, then the body. */
function frame(kind: string, key: string, title: string, subtitle: string): { section: HTMLElement; body: HTMLElement } {
  const root = app();
  let section = root.querySelector<HTMLElement>(`section.screen[data-key="${CSS.escape(key)}"]`);
  if (!section || section.dataset.kind !== kind) {
    root.replaceChildren();
    root.dataset.view = kind;
    section = el('section', `screen ${kind}`);
    section.dataset.key = key;
    section.dataset.kind = kind;
    const header = el('header', 'screen-header');
    header.append(el('h1', 'screen-title'), el('p', 'screen-subtitle'));
    section.append(header, el('div', 'screen-body'));
    root.append(section);
  }
  section.querySelector('.screen-title')!.textContent = title;
  section.querySelector('.screen-subtitle')!.textContent = subtitle;
  return { section, body: section.querySelector<HTMLElement>('.screen-body')! };
}

function movement(entry: Entry): { symbol: string; className: string; label: string } {
  if (entry.previousRank === null) return { symbol: '★', className: 'new', label: 'new' };
  if (entry.previousRank > entry.rank) return { symbol: '▲', className: 'up', label: `up ${entry.previousRank - entry.rank}` };
  if (entry.previousRank < entry.rank) return { symbol: '▼', className: 'down', label: `down ${entry.rank - entry.previousRank}` };
  return { symbol: '', className: 'same', label: '' };
}

/** Renders ranked rows into `list`, reusing rows by subject and animating moves (FLIP). */
function renderRows(list: HTMLElement, rows: Entry[], shown: number, formatValue: (entry: Entry) => string): void {
  const before = new Map<string, DOMRect>();
  const existing = new Map<string, HTMLElement>();
  for (const row of list.querySelectorAll<HTMLElement>(':scope > .row')) {
    existing.set(row.dataset.subject!, row);
    before.set(row.dataset.subject!, row.getBoundingClientRect());
  }

  const next: HTMLElement[] = [];
  for (const entry of rows.slice(0, shown)) {
    let row = existing.get(entry.subjectId);
    const previousScore = row?.dataset.score;
    if (!row) {
      row = el('li', 'row');
      row.dataset.subject = entry.subjectId;
      row.append(el('span', 'rank'), el('span', 'move'), el('span', 'name'), el('span', 'score'));
    }
    existing.delete(entry.subjectId);
    const move = movement(entry);
    row.dataset.rank = String(entry.rank);
    row.dataset.score = String(entry.score);
    row.classList.toggle('leader', entry.rank === 1);
    row.querySelector('.rank')!.textContent = String(entry.rank);
    const moveCell = row.querySelector<HTMLElement>('.move')!;
    moveCell.textContent = move.symbol;
    moveCell.className = `move ${move.className}`;
    moveCell.setAttribute('aria-label', move.label);
    row.querySelector('.name')!.textContent = entry.displayName;
    row.querySelector('.score')!.textContent = formatValue(entry);
    if (previousScore !== undefined && previousScore !== String(entry.score)) {
      // Restart the highlight even if the previous one is still running.
      row.classList.remove('bumped');
      void row.offsetWidth;
      row.classList.add('bumped');
    }
    next.push(row);
  }
  for (const gone of existing.values()) gone.remove();
  list.replaceChildren(...next);

  // FLIP: invert each moved row to where it was, then let the transition play it home.
  for (const row of next) {
    const was = before.get(row.dataset.subject!);
    if (!was) {
      row.animate([{ opacity: 0, transform: 'translateX(-4vw)' }, { opacity: 1, transform: 'none' }], { duration: 600, easing: 'ease-out' });
      continue;
    }
    const dy = was.top - row.getBoundingClientRect().top;
    if (Math.abs(dy) > 1) {
      row.animate([{ transform: `translateY(${dy}px)` }, { transform: 'none' }], { duration: 900, easing: 'cubic-bezier(.2,.8,.2,1)' });
    }
  }
}

export function renderBoard(board: Board): void {
  const subtitle = [board.windowLabel, `${board.entrants} on the board`, board.degraded ? 'catching up' : ''].filter(Boolean).join(' · ');
  const { body } = frame('leaderboard', board.key, board.title, subtitle);
  let list = body.querySelector<HTMLOListElement>('ol.rows');
  if (!list) {
    list = el('ol', 'rows');
    body.replaceChildren(list);
  }
  renderRows(list, board.top, BOARD_ROWS, (e) => formatScore(e.score));
  if (board.top.length === 0 && !body.querySelector('.empty')) body.append(el('p', 'empty', 'No scores yet in this period.'));
  if (board.top.length > 0) body.querySelector('.empty')?.remove();
}

function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return days > 0 ? `${days}d ${pad(hours)}:${pad(minutes)}:${pad(seconds)}` : `${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
}

/** The countdown's text for a contest at the server's current time. */
export function countdownText(contest: Contest, now = serverNow()): string {
  switch (contest.status) {
    case 'scheduled':
      return `Starts in ${formatDuration(contest.startsAt - now)}`;
    case 'running':
      return contest.endsAt > now ? `Ends in ${formatDuration(contest.endsAt - now)}` : 'Final whistle…';
    case 'ended':
      return 'Final results';
    case 'cancelled':
      return 'Cancelled';
  }
}

export function renderContest(contest: Contest): void {
  const subtitle = [formatLabel(contest.format), contest.goal !== null ? `goal ${formatScore(contest.goal)}` : ''].filter(Boolean).join(' · ');
  const { body } = frame('contest', contest.key, contest.title, subtitle);
  const layout = contest.status === 'ended' ? 'podium' : 'standings';
  if (body.dataset.layout !== layout) {
    body.replaceChildren();
    body.dataset.layout = layout;
    const clock = el('p', 'countdown');
    body.append(clock);
    if (layout === 'podium') body.append(el('div', 'podium'), el('ol', 'rows rest'));
    else body.append(el('ol', 'rows'));
  }
  body.querySelector('.countdown')!.textContent = countdownText(contest);
  const value = (e: Entry) => (contest.goal !== null ? `${formatScore(e.score)} / ${formatScore(contest.goal)}` : formatScore(e.score));
  if (layout === 'podium') {
    renderPodium(body.querySelector<HTMLElement>('.podium')!, contest);
    renderRows(body.querySelector<HTMLElement>('ol.rest')!, contest.standings.filter((s) => s.rank > 3), PODIUM_REST_ROWS, value);
  } else {
    renderRows(body.querySelector<HTMLElement>('ol.rows')!, contest.standings, CONTEST_ROWS, value);
  }
}

/** Second, first, third: the classic podium, with the prize for each place when there is one. */
function renderPodium(podium: HTMLElement, contest: Contest): void {
  const steps = [2, 1, 3].map((place) => {
    const step = el('div', `step place-${place}`);
    const winners = contest.standings.filter((s) => s.rank === place);
    step.append(
      el('p', 'step-name', winners.map((w) => w.displayName).join(' & ') || '—'),
      el('p', 'step-score', winners[0] ? formatScore(winners[0].score) : ''),
      el('p', 'step-prize', contest.prizes[place - 1] ?? ''),
      el('div', 'step-block', String(place)),
    );
    return step;
  });
  podium.replaceChildren(...steps);
}

/** Ticks every contest countdown on screen once a second. */
export function tickCountdowns(current: () => Contest | null): void {
  setInterval(() => {
    const contest = current();
    const clock = document.querySelector('.contest .countdown');
    if (contest && clock) clock.textContent = countdownText(contest);
  }, 250);
}

const queue: Celebration[] = [];
let celebrating = false;

/** A deal landed: a full-screen moment, queued so a burst of deals plays one after another. */
export function celebrate(celebration: Celebration, seconds = 6): void {
  if (queue.length >= 5) queue.shift(); // A flood: keep the latest few, drop the oldest.
  queue.push(celebration);
  if (!celebrating) void playNext(seconds);
}

async function playNext(seconds: number): Promise<void> {
  const next = queue.shift();
  const overlay = document.getElementById('celebration')!;
  if (!next) {
    celebrating = false;
    overlay.hidden = true;
    overlay.classList.remove('show');
    return;
  }
  celebrating = true;
  const content = el('div', 'celebration-card');
  content.append(el('p', 'celebration-lead', 'Deal closed!'), el('p', 'celebration-name', next.participantName));
  if (next.amount !== null) content.append(el('p', 'celebration-amount', formatMoney(next.amount, next.currency)));
  if (next.product) content.append(el('p', 'celebration-product', next.product));
  if (next.alsoLanded > 0) content.append(el('p', 'celebration-more', `+ ${next.alsoLanded} more deal${next.alsoLanded === 1 ? '' : 's'}`));
  const confetti = el('div', 'confetti');
  for (let i = 0; i < 40; i++) {
    const piece = el('i');
    piece.style.setProperty('--x', `${Math.random() * 100}vw`);
    piece.style.setProperty('--d', `${(Math.random() * 1.5).toFixed(2)}s`);
    piece.style.setProperty('--h', `${Math.floor(Math.random() * 360)}`);
    confetti.append(piece);
  }
  overlay.replaceChildren(confetti, content);
  overlay.hidden = false;
  overlay.classList.add('show');
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  await playNext(seconds);
}

export function setConnectionState(state: string, detail?: string): void {
  const status = document.getElementById('status')!;
  status.dataset.state = state;
  status.textContent = state === 'live' ? '● live' : state === 'connecting' ? '○ connecting' : '○ reconnecting';
  status.title = detail ?? '';
}

export function setFooter(name: string, page: number, pages: number): void {
  let footer = document.getElementById('footer');
  if (!footer) {
    footer = el('footer');
    footer.id = 'footer';
    document.body.append(footer);
  }
  footer.textContent = pages > 1 ? `${name} · ${page} / ${pages}` : name;
}
