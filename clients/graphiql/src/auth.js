// Sign-in for GraphiQL: OAuth 2 authorization code with PKCE against the API's own OpenIddict
// server, as the public client `spm-graphiql`. The access token stays in sessionStorage: it
// survives a reload of this tab, never reaches other tabs or disk-backed storage, and is sent
// only as an Authorization header (and in graphql-ws connection_init), never in a URL.

export const CLIENT_ID = 'spm-graphiql';
const TOKEN_KEY = 'spm.graphiql.token';
const PENDING_KEY = 'spm.graphiql.pending';
// RoleScopes on the server trims these to what the signed-in person's role may have.
const SCOPES = 'spm.read spm.write spm.comp spm.admin leaderboards.read';

export const redirectUri = () => `${window.location.origin}/graphiql/callback.html`;

export function currentToken() {
  const raw = sessionStorage.getItem(TOKEN_KEY);
  if (!raw) return null;
  try {
    const token = JSON.parse(raw);
    if (typeof token.accessToken === 'string' && token.expiresAt > Date.now()) return token;
  } catch {
    // A value this page did not write: treat as signed out.
  }
  sessionStorage.removeItem(TOKEN_KEY);
  return null;
}

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
}

const base64Url = (bytes) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

const randomString = () => base64Url(crypto.getRandomValues(new Uint8Array(32)));

export async function signIn() {
  if (!window.crypto?.subtle) {
    // Web Crypto exists only in secure contexts: HTTPS, or http://localhost / 127.0.0.1.
    throw new Error('Sign-in needs HTTPS or a loopback address (http://127.0.0.1 or http://localhost).');
  }
  const verifier = randomString();
  const state = randomString();
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: redirectUri(),
    scope: SCOPES,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  });
  window.location.assign(`/connect/authorize?${query}`);
}

/** Runs on callback.html: checks state, redeems the code with the PKCE verifier, keeps the token. */
export async function completeSignIn(search) {
  const params = new URLSearchParams(search);
  const pendingRaw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  if (params.get('error')) {
    throw new Error(`${params.get('error')}: ${params.get('error_description') ?? ''}`);
  }
  const pending = pendingRaw ? JSON.parse(pendingRaw) : null;
  // The state ties this answer to a sign-in this tab started (no login CSRF).
  if (!pending || params.get('state') !== pending.state) {
    throw new Error('This sign-in answer does not match a sign-in started here; start again.');
  }
  const response = await fetch('/connect/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code') ?? '',
      redirect_uri: redirectUri(),
      client_id: CLIENT_ID,
      code_verifier: pending.verifier,
    }),
  });
  const body = await response.json();
  if (!response.ok || typeof body.access_token !== 'string') {
    throw new Error(`Token request failed (${response.status}): ${body.error_description ?? body.error ?? 'no token'}`);
  }
  sessionStorage.setItem(
    TOKEN_KEY,
    JSON.stringify({ accessToken: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 3600) * 1000 }),
  );
}
