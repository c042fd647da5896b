import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const contracts = fileURLToPath(new URL('../../packages/contracts/src/index.ts', import.meta.url));
const indicators = fileURLToPath(new URL('../../packages/indicators/src/index.ts', import.meta.url));
const api = process.env.SEN_API_URL ?? 'http://127.0.0.1:3000';

// The api serves dist/ itself (SPA fallback), so the app only ever calls relative /api/v1/... URLs.
export default defineConfig({
  plugins: [react()],
  resolve: {
    // The web consumes the contracts and the indicator catalogue from source, never from their dist/.
    alias: { '@sen/contracts': contracts, '@sen/indicators': indicators },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: true },
      '/health': { target: api, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    // Maps are written (for error reports) but not referenced from the bundles.
    sourcemap: 'hidden',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod's sources carry /*@__PURE__*/ comments in places Rollup ignores; harmless.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/zod/')) return;
        warn(warning);
      },
      output: {
        manualChunks: {
          react: ['react', 'react-dom', 'react-router-dom'],
          antd: ['antd', '@ant-design/icons'],
          query: ['@tanstack/react-query', 'i18next', 'react-i18next', 'dayjs'],
        },
      },
    },
  },
});
