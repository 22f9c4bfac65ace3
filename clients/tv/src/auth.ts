// How the screen gets and keeps its tokens. Pairing is OAuth's device flow (RFC 8628): the
// screen shows a short code, a manager approves it at /connect/verify, the screen's polling
// then yields an access token and a refresh token. Only the refresh token is stored (it survives
// a reboot of the screen); access tokens live in memory and are renewed before they expire.

export const CLIENT_ID = 'spm-tv';
const SCOPE = 'leaderboards.read offline_access';
const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const REFRESH_KEY = 'spm.tv.refreshToken';
// Renew this long before expiry so a hub reconnect never presents a token about to lapse.
const EARLY_RENEWAL_MS = 60_000;

export interface DeviceCodes {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  verificationUriComplete: string | null;
  expiresAt: number;
  intervalMs: number;
}

interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  error?: string;
  error_description?: string;
}

/** The server said no for good (revoked, unpaired, expired code): the screen must pair again. */
export class PairingLost extends Error {
  override name = 'PairingLost';
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function postForm(path: string, fields: Record<string, string>): Promise<{ status: number; body: TokenResponse & Record<string, unknown> }> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(fields),
  });
  let body: TokenResponse & Record<string, unknown> = {};
  try {
    body = await response.json();
  } catch {
    // A proxy's HTML error page: treat as a transient failure below.
  }
  return { status: response.status, body };
}

export class TokenStore {
  private accessToken: string | null = null;
  private expiresAt = 0;
  private renewing: Promise<string> | null = null;

  /** A kiosk may be handed a token in the URL fragment (never sent to servers or logs). */
  static fromFragment(hash: string): { accessToken?: string; refreshToken?: string } {
    const params = new URLSearchParams(hash.replace(/^#/, ''));
    const result: { accessToken?: string; refreshToken?: string } = {};
    const access = params.get('token') ?? params.get('access_token');
    const refresh = params.get('refresh_token');
    if (access) result.accessToken = access;
    if (refresh) result.refreshToken = refresh;
    return result;
  }

  get refreshToken(): string | null {
    try {
      return localStorage.getItem(REFRESH_KEY);
    } catch {
      return null;
    }
  }

  hasCredentials(): boolean {
    return this.accessToken !== null || this.refreshToken !== null;
  }

  useAccessToken(token: string): void {
    this.accessToken = token;
    this.expiresAt = expiryOf(token) ?? Date.now() + 3_600_000;
  }

  useRefreshToken(token: string): void {
    localStorage.setItem(REFRESH_KEY, token);
  }

  forget(): void {
    this.accessToken = null;
    this.expiresAt = 0;
    localStorage.removeItem(REFRESH_KEY);
  }

  private accept(body: TokenResponse): string {
    if (!body.access_token) throw new Error('The token endpoint answered without an access token.');
    this.accessToken = body.access_token;
    this.expiresAt = Date.now() + (body.expires_in ?? 3600) * 1000;
    // The server rotates refresh tokens: the new one replaces the old at once.
    if (body.refresh_token) this.useRefreshToken(body.refresh_token);
    return body.access_token;
  }

  /** A valid access token, renewed with the refresh token when close to expiry. */
  async getAccessToken(): Promise<string> {
    if (this.accessToken && Date.now() < this.expiresAt - EARLY_RENEWAL_MS) return this.accessToken;
    this.renewing ??= this.renew().finally(() => {
      this.renewing = null;
    });
    return this.renewing;
  }

  /** Forces a renewal on the next call (the server refused the current access token). */
  invalidate(): void {
    this.expiresAt = 0;
  }

  private async renew(): Promise<string> {
    const refresh = this.refreshToken;
    if (!refresh) {
      // A kiosk token without a refresh token: usable until it expires, then the screen pairs.
      if (this.accessToken && Date.now() < this.expiresAt) return this.accessToken;
      throw new PairingLost('No refresh token: the screen must be paired.');
    }
    const { status, body } = await postForm('/connect/token', { grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: refresh });
    if (status === 200) return this.accept(body);
    if (status === 400 && (body.error === 'invalid_grant' || body.error === 'invalid_client' || body.error === 'unauthorized_client')) {
      // Unpaired or revoked: the stored token is dead, start over.
      this.forget();
      throw new PairingLost(body.error_description ?? body.error);
    }
    throw new Error(`Token refresh failed (${status} ${body.error ?? ''})`);
  }

  async requestCodes(): Promise<DeviceCodes> {
    const { status, body } = await postForm('/connect/device', { client_id: CLIENT_ID, scope: SCOPE });
    if (status !== 200) throw new Error(`The server refused to start pairing (${status} ${body.error ?? ''})`);
    return {
      deviceCode: String(body.device_code),
      userCode: String(body.user_code),
      verificationUri: String(body.verification_uri),
      verificationUriComplete: typeof body.verification_uri_complete === 'string' ? body.verification_uri_complete : null,
      expiresAt: Date.now() + Number(body.expires_in ?? 300) * 1000,
      intervalMs: Math.max(1, Number(body.interval ?? 5)) * 1000,
    };
  }

  /**
   * Polls until a manager approves. Resolves with the access token; rejects with PairingLost
   * when the code expired or the manager refused (the caller then shows a fresh code).
   */
  async waitForApproval(codes: DeviceCodes, signal: AbortSignal): Promise<string> {
    let interval = codes.intervalMs;
    while (!signal.aborted) {
      await sleep(interval);
      if (Date.now() > codes.expiresAt) throw new PairingLost('The code expired.');
      let result;
      try {
        result = await postForm('/connect/token', { grant_type: DEVICE_CODE_GRANT, client_id: CLIENT_ID, device_code: codes.deviceCode });
      } catch {
        continue; // The network blinked; the code is still good.
      }
      if (result.status === 200) return this.accept(result.body);
      switch (result.body.error) {
        case 'authorization_pending':
          break;
        case 'slow_down':
          interval += 5000;
          break;
        case 'access_denied':
          throw new PairingLost('Pairing was refused.');
        case 'expired_token':
          throw new PairingLost('The code expired.');
        default:
          if (result.status >= 500) break;
          throw new PairingLost(result.body.error_description ?? result.body.error ?? `HTTP ${result.status}`);
      }
    }
    throw new PairingLost('Pairing cancelled.');
  }
}

/** The `exp` claim of a JWT, in epoch ms; null when the token is not a readable JWT. */
function expiryOf(token: string): number | null {
  try {
    const payload = token.split('.')[1];
    if (!payload) return null;
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return typeof json.exp === 'number' ? json.exp * 1000 : null;
  } catch {
    return null;
  }
}
