import { useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { createClient } from 'graphql-ws';
import 'graphiql/style.css';
import './page.css';
import { currentToken, signIn, signOut } from './auth.js';

const DEFAULT_QUERY = `# Spm GraphQL API. Sign in (top right) as a demo user, then run:
query Tenant {
  tenant { name }
  participants(first: 5) { totalCount nodes { name } }
}

# Subscriptions run over WebSocket (graphql-transport-ws):
subscription Clock {
  serverClock(intervalSeconds: 1)
}
`;

function createFetcher(token) {
  const httpUrl = `${window.location.origin}/graphql`;
  const wsUrl = httpUrl.replace(/^http/, 'ws');
  const authorization = token ? `Bearer ${token.accessToken}` : undefined;
  // Browsers cannot set headers on a WebSocket: the token goes in connection_init instead.
  const wsClient = createClient({
    url: wsUrl,
    connectionParams: authorization ? { authorization } : {},
    lazy: true,
  });
  return createGraphiQLFetcher({
    url: httpUrl,
    wsClient,
    headers: authorization ? { Authorization: authorization } : {},
  });
}

function App() {
  const [token, setToken] = useState(currentToken);
  const [error, setError] = useState(null);
  const fetcher = useMemo(() => createFetcher(token), [token]);
  return (
    <div className="spm-page">
      <header className="spm-bar">
        <strong>Spm GraphQL</strong>
        <span className="spm-status">{token ? 'signed in' : 'not signed in: requests get 401'}</span>
        {error && <span className="spm-error">{error}</span>}
        {token ? (
          <button type="button" onClick={() => { signOut(); setToken(null); }}>Sign out</button>
        ) : (
          <button type="button" onClick={() => signIn().catch((e) => setError(e.message))}>Sign in</button>
        )}
      </header>
      <div className="spm-ide">
        {/* Remount on sign-in/out so the schema is fetched again with the new token. */}
        <GraphiQL key={token?.accessToken ?? 'anonymous'} fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />
      </div>
    </div>
  );
}

createRoot(document.getElementById('graphiql')).render(<App />);
