// Bundles GraphiQL and its sign-in callback into one folder the API serves at /graphiql/:
// every script and style is local, so the page works without internet access.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const outdir = resolve(process.env.GRAPHIQL_OUT ?? 'dist');
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: { main: 'src/main.jsx', callback: 'src/callback.js' },
  bundle: true,
  format: 'esm',
  minify: true,
  jsx: 'automatic',
  target: ['es2022'],
  outdir,
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file' },
  logLevel: 'warning',
});
cpSync('public', outdir, { recursive: true });
console.log(`GraphiQL built into ${outdir}`);
