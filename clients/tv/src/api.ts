// GraphQL over HTTP (same origin) and the server's clock. Contest countdowns run on server time:
// an office PC's clock is often minutes off, and every screen in the room must agree.
import { PairingLost, type TokenStore } from './auth';

let clockOffsetMs = 0;

/** Now, on the server's clock (ms since epoch). */
export const serverNow = (): number => Date.now() + clockOffsetMs;

/**
 * Learns the offset from a response's Date header. The header has one-second resolution, so the
 * local send/receive midpoint is compared with the middle of that second.
 */
function learnClock(response: Response, sentAt: number, receivedAt: number): void {
  const header = response.headers.get('date');
  const server = header ? Date.parse(header) : NaN;
  if (Number.isNaN(server)) return;
  clockOffsetMs = server + 500 - (sentAt + receivedAt) / 2;
}

export class GraphQLError extends Error {
  constructor(message: string, readonly codes: string[]) {
    super(message);
  }
}

export async function graphql<T>(tokens: TokenStore, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const token = await tokens.getAccessToken();
    const sentAt = Date.now();
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    learnClock(response, sentAt, Date.now());
    if (response.status === 401) {
      // Expired or revoked access token: one renewal, then the refresh token decides.
      if (attempt === 0) {
        tokens.invalidate();
        continue;
      }
      throw new PairingLost('The server no longer accepts this screen.');
    }
    const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length && !body.data) {
      throw new GraphQLError(body.errors.map((e) => e.message).join('; '), body.errors.map((e) => e.extensions?.code ?? ''));
    }
    return body.data as T;
  }
}

export interface DisplayInfo {
  name: string;
  allowedBoards: string[];
}

export async function fetchDisplay(tokens: TokenStore): Promise<DisplayInfo> {
  const data = await graphql<{ me: { display: DisplayInfo | null } }>(tokens, 'query TvDisplay { me { display { name allowedBoards } } }');
  if (!data.me.display) throw new PairingLost('This token does not belong to a paired screen.');
  return data.me.display;
}
