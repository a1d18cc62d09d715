/// <reference types="node" />
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

const port = Number(process.env.WEB_PORT ?? 5173);
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000';

// The browser only ever talks to the web origin, so the session and CSRF cookies
// the API sets are first-party; these paths are forwarded to the API unchanged.
const proxy: Record<string, ProxyOptions> = Object.fromEntries(
  ['/api', '/health', '/ready'].map((path) => [path, { target: apiUrl, changeOrigin: false }]),
);

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Workspace packages (@keeper/api-client, @keeper/money) export their TypeScript
    // sources under the "source" condition, so no prior package build is needed.
    conditions: ['source', 'module', 'browser', 'development|production'],
  },
  server: { host: '127.0.0.1', port, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port, strictPort: true, proxy },
  build: { sourcemap: true },
});
