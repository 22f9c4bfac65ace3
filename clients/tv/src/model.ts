// The payloads the hub pushes (src/Spm.Domain/Live, camelCase JSON) and GraphQL returns, read
// defensively: decimals arrive as numbers over the hub and as strings over GraphQL, enums as
// numbers, PascalCase names or SCREAMING_CASE depending on the serializer.

export interface Entry {
  rank: number;
  subjectId: string;
  displayName: string;
  score: number;
  previousRank: number | null;
}

export interface Board {
  kind: 'leaderboard';
  key: string;
  title: string;
  windowLabel: string;
  entrants: number;
  top: Entry[];
  asOf: number;
  degraded: boolean;
}

export type ContestStatus = 'scheduled' | 'running' | 'ended' | 'cancelled';

export interface Contest {
  kind: 'contest';
  key: string;
  title: string;
  format: string;
  status: ContestStatus;
  startsAt: number;
  endsAt: number;
  goal: number | null;
  prizes: string[];
  standings: Entry[];
  asOf: number;
}

export interface Celebration {
  participantName: string;
  amount: number | null;
  currency: string | null;
  product: string | null;
  /** Other deals that landed in the same push (a burst is celebrated once, by its largest deal). */
  alsoLanded: number;
}

type Raw = Record<string, unknown>;

// Accepts camelCase and PascalCase keys alike (the MessagePack protocol keeps .NET names).
function field(raw: Raw, name: string): unknown {
  if (name in raw) return raw[name];
  const pascal = name[0]!.toUpperCase() + name.slice(1);
  return raw[pascal];
}

export const num = (value: unknown): number => {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return 0;
};

const optNum = (value: unknown): number | null => (value === null || value === undefined || value === '' ? null : num(value));
const str = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
const time = (value: unknown): number => {
  if (value instanceof Date) return value.getTime();
  const parsed = Date.parse(str(value));
  return Number.isNaN(parsed) ? 0 : parsed;
};

function entries(value: unknown): Entry[] {
  if (!Array.isArray(value)) return [];
  return value.map((item: Raw) => ({
    rank: num(field(item, 'rank')),
    subjectId: str(field(item, 'subjectId') ?? field(item, 'id')),
    displayName: str(field(item, 'displayName') ?? field(item, 'name')),
    score: num(field(item, 'score')),
    previousRank: optNum(field(item, 'previousRank')),
  }));
}

export function toBoard(raw: Raw, key: string): Board {
  return {
    kind: 'leaderboard',
    key: str(field(raw, 'boardKey') ?? field(raw, 'key')) || key,
    title: str(field(raw, 'title')) || key,
    windowLabel: str(field(raw, 'windowLabel')),
    entrants: num(field(raw, 'entrants')),
    top: entries(field(raw, 'top') ?? field(raw, 'entries')),
    asOf: time(field(raw, 'asOf')),
    degraded: Boolean(field(raw, 'degraded')),
  };
}

const STATUS_BY_NUMBER: Record<number, ContestStatus> = { 1: 'scheduled', 2: 'running', 3: 'ended', 4: 'cancelled' };

export function toStatus(value: unknown): ContestStatus {
  if (typeof value === 'number') return STATUS_BY_NUMBER[value] ?? 'scheduled';
  const text = str(value).toLowerCase();
  return (['scheduled', 'running', 'ended', 'cancelled'] as const).find((s) => s === text) ?? 'scheduled';
}

export function toContest(raw: Raw, key: string): Contest {
  const prizes = field(raw, 'prizes');
  return {
    kind: 'contest',
    key: str(field(raw, 'contestKey') ?? field(raw, 'key')) || key,
    title: str(field(raw, 'title')) || key,
    format: str(field(raw, 'format')),
    status: toStatus(field(raw, 'status')),
    startsAt: time(field(raw, 'startsAt')),
    endsAt: time(field(raw, 'endsAt')),
    goal: optNum(field(raw, 'goal')),
    prizes: Array.isArray(prizes) ? prizes.map((p) => (typeof p === 'string' ? p : str(field(p as Raw, 'description') ?? field(p as Raw, 'prize')))) : [],
    standings: entries(field(raw, 'standings')),
    asOf: time(field(raw, 'asOf')),
  };
}

export function toCelebration(raw: Raw): Celebration {
  // Viewers who may not see deal sizes get a null amount and currency: show who, not how much.
  const currency = str(field(raw, 'reportingCurrency')) || null;
  const amount = currency === null ? null : optNum(field(raw, 'reportingAmount') ?? field(raw, 'amount'));
  return {
    participantName: str(field(raw, 'participantName')),
    amount,
    currency,
    product: str(field(raw, 'product')) || null,
    alsoLanded: optNum(field(raw, 'alsoLandedCount')) ?? 0,
  };
}

/** Scores as a room reads them: 1,234,567 or 12.5 (at most one decimal unless tiny). */
export function formatScore(score: number): string {
  const digits = Number.isInteger(score) ? 0 : Math.abs(score) < 10 ? 2 : 1;
  return score.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: digits });
}

export function formatMoney(amount: number, currency: string | null): string {
  if (!currency) return formatScore(amount);
  try {
    return amount.toLocaleString('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
  } catch {
    return `${formatScore(amount)} ${currency}`;
  }
}

const FORMAT_LABELS: Record<string, string> = {
  topn: 'Top N',
  racetogoal: 'Race to the goal',
  teamvsteam: 'Team against team',
  mostimproved: 'Most improved',
  headtohead: 'Head to head',
};

/** `TopN` (hub) and `TOP_N` (GraphQL) alike, as words. */
export const formatLabel = (format: string): string => FORMAT_LABELS[format.replace(/[_\s-]/g, '').toLowerCase()] ?? format;
