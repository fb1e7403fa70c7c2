import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// `vite` in this folder serves the app with hot reload and forwards /api and /auth to a running dashboard
// server (npm start); `node services/dashboard/scripts/build-web.mjs` builds web/dist, which that server serves.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    // Roles and permissions come from the auth library itself, so the app hides what the APIs would refuse.
    alias: {
      '@sangathan/roles': fileURLToPath(new URL('../../../libs/shared/auth/src/roles.ts', import.meta.url)),
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 900 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/auth': 'http://127.0.0.1:3000' } },
});
