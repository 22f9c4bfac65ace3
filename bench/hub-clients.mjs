// Hub clients for the live bench, shared by the load driver (bench/live-push.mjs) and its probe thread
// (bench/live-push-probe.mjs).
import * as signalR from '@microsoft/signalr';

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

/** count, p50, p99 and max of `values` (milliseconds). */
export const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] };
};

/**
 * `count` hub connections (JSON over WebSockets, no negotiation), `parallel` handshakes at a time; each subscribes to
 * `board` and calls `onCelebration(index, sale)` / `onBoard(index, board)` on the pushes.
 */
export async function connectMany({ url, token, board, count, onCelebration, onBoard, parallel = 50 }) {
  const connections = [];
  let next = 0;
  async function worker() {
    while (next < count) {
      const index = next++;
      const connection = new signalR.HubConnectionBuilder()
        .withUrl(`${url}/hubs/live`, { accessTokenFactory: () => token, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
        .configureLogging(signalR.LogLevel.None)
        .build();
      connection.serverTimeoutInMilliseconds = 600_000;
      connection.on('SaleCelebrated', (sale) => onCelebration(index, sale));
      connection.on('LeaderboardChanged', (pushed) => onBoard(index, pushed));
      await connection.start();
      await connection.invoke('SubscribeLeaderboard', board);
      connections.push(connection);
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker));
  return connections;
}

export async function closeAll(connections) {
  for (let i = 0; i < connections.length; i += 200) await Promise.all(connections.slice(i, i + 200).map((c) => c.stop().catch(() => {})));
}

/** The deals one `SaleCelebrated` push stands for: its headline and those listed in `alsoLanded` (each with its own `at`). */
export const dealsIn = (sale) => [sale, ...(sale.alsoLanded ?? [])];
