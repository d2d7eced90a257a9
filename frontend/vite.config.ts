import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Development only: in production the backend serves dist/ on the same port as the API.
const backend = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The map route pulls MapLibre and deck.gl (~1.5 MB minified) into its own lazy chunk;
    // the login and home pages do not load it.
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: {
      '/api': backend,
      '/health': backend,
      '/ready': backend,
    },
  },
});
