import { defineConfig } from 'vite';

// Served by the API under /tv/ (see src/Spm.Api/Hosting/TvPageExtensions.cs). Every script and
// style is bundled locally: an office screen often has no internet access beyond the API.
export default defineConfig({
  base: '/tv/',
  build: {
    outDir: process.env.TV_OUT ?? 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // One stable folder name: the API maps /tv/assets/* onto it.
    assetsDir: 'assets',
    sourcemap: false,
  },
  server: {
    // `npm run dev` against a local API: the page talks to the same origin, so proxy the API.
    proxy: {
      '/graphql': process.env.SPM_API ?? 'http://127.0.0.1:5080',
      '/connect': process.env.SPM_API ?? 'http://127.0.0.1:5080',
      '/hubs': { target: process.env.SPM_API ?? 'http://127.0.0.1:5080', ws: true },
    },
  },
});
