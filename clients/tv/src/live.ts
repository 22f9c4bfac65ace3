// The screen's SignalR connection to /hubs/live. A TV runs for months: it must reconnect forever
// (the JS client's default policy gives up after four tries), including when the very first
// start() fails, and after every reconnect it re-subscribes, since hub groups are per connection
// and updates pushed while it was away are lost: each subscription returns a full snapshot.
import { HttpTransportType, HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection, type IRetryPolicy, type RetryContext } from '@microsoft/signalr';
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack';
import { PairingLost, type TokenStore } from './auth';
import { toBoard, toCelebration, toContest, type Board, type Celebration, type Contest } from './model';

const MAX_DELAY_MS = 30_000;

/** 1 s, 2 s, 4 s ... capped at 30 s, with jitter so a room of screens does not reconnect in step. */
export function backoffMs(attempt: number): number {
  const base = Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.min(attempt, 15));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

const forever: IRetryPolicy = {
  nextRetryDelayInMilliseconds: (context: RetryContext) => backoffMs(context.previousRetryCount),
};

export type ConnectionState = 'connecting' | 'live' | 'reconnecting';

export interface LiveHandlers {
  board(board: Board): void;
  contest(contest: Contest): void;
  celebrate(celebration: Celebration): void;
  contestEvent(contest: Contest, event: 'started' | 'ended'): void;
  state(state: ConnectionState, detail?: string): void;
  /** The hub refused the token for good (screen unpaired). */
  lost(error: unknown): void;
}

export class LiveConnection {
  private readonly connection: HubConnection;
  private stopped = false;
  // Which hub method each board key answered to, so a reconnect asks the right one at once.
  private readonly kinds = new Map<string, 'leaderboard' | 'contest'>();

  constructor(
    tokens: TokenStore,
    private readonly boards: string[],
    private readonly handlers: LiveHandlers,
    messagePack: boolean,
  ) {
    const builder = new HubConnectionBuilder()
      .withUrl('/hubs/live', {
        // WebSockets straight away: with several API nodes behind a non-sticky balancer a negotiate
        // request and the socket could land on different nodes.
        transport: HttpTransportType.WebSockets,
        skipNegotiation: true,
        accessTokenFactory: async () => {
          try {
            return await tokens.getAccessToken();
          } catch (error) {
            // Unpaired while away: no reconnect can succeed, the screen must pair again.
            if (error instanceof PairingLost) handlers.lost(error);
            throw error;
          }
        },
      })
      .withAutomaticReconnect(forever)
      .configureLogging(LogLevel.Warning);
    if (messagePack) builder.withHubProtocol(new MessagePackHubProtocol());
    this.connection = builder.build();
    // Keep-alive tighter than the default: a dead Wi-Fi link shows as "reconnecting" sooner.
    this.connection.serverTimeoutInMilliseconds = 30_000;

    const on = (name: string, handle: (payload: Record<string, unknown>) => void) =>
      this.connection.on(name, (payload: Record<string, unknown>) => {
        if (payload && typeof payload === 'object') handle(payload);
      });
    on('LeaderboardChanged', (p) => handlers.board(toBoard(p, '')));
    on('ContestChanged', (p) => handlers.contest(toContest(p, '')));
    on('ContestStarted', (p) => handlers.contestEvent(toContest(p, ''), 'started'));
    on('ContestEnded', (p) => handlers.contestEvent(toContest(p, ''), 'ended'));
    on('SaleCelebrated', (p) => handlers.celebrate(toCelebration(p)));
    // Attainment is a rep's concern; a screen has nothing to show for it.
    this.connection.on('AttainmentChanged', () => {});

    this.connection.onreconnecting((error) => handlers.state('reconnecting', error?.message));
    this.connection.onreconnected(() => void this.subscribeAll());
    // Only reached when stopped or when a reconnect attempt threw outside the policy: start over.
    this.connection.onclose(() => {
      if (!this.stopped) void this.start();
    });
  }

  /** Connects, retrying forever with backoff, then subscribes to every board. */
  async start(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      if (this.connection.state !== HubConnectionState.Disconnected) return;
      this.handlers.state(attempt === 0 ? 'connecting' : 'reconnecting');
      try {
        await this.connection.start();
        await this.subscribeAll();
        return;
      } catch (error) {
        if (isAuthFailure(error)) {
          this.handlers.lost(error);
          return;
        }
        this.handlers.state('reconnecting', error instanceof Error ? error.message : String(error));
        await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.connection.stop();
  }

  /** Joins every board's group; each answer is the board's full current snapshot. */
  private async subscribeAll(): Promise<void> {
    await Promise.all(this.boards.map((key) => this.subscribe(key)));
    this.handlers.state('live');
  }

  private async subscribe(key: string): Promise<void> {
    const known = this.kinds.get(key);
    const order: ('leaderboard' | 'contest')[] = known === 'contest' ? ['contest', 'leaderboard'] : ['leaderboard', 'contest'];
    for (const kind of order) {
      try {
        const snapshot = await this.connection.invoke<Record<string, unknown> | null>(kind === 'leaderboard' ? 'SubscribeLeaderboard' : 'SubscribeContest', key);
        if (!snapshot) continue;
        this.kinds.set(key, kind);
        if (kind === 'leaderboard') this.handlers.board(toBoard(snapshot, key));
        else this.handlers.contest(toContest(snapshot, key));
        return;
      } catch (error) {
        // Not this kind (or not allowed): try the other; a key that is neither stays blank.
        console.warn(`Subscribing to ${kind} '${key}' failed`, error);
      }
    }
  }
}

function isAuthFailure(error: unknown): boolean {
  const status = (error as { statusCode?: number } | null)?.statusCode;
  return status === 401 || status === 403 || (error instanceof Error && error.name === 'PairingLost');
}
