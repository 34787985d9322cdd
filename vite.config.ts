import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/vite-precompress.js';

// The UI lives in web/ and is served by the Fastify process from dist/web (one port in production).
export default defineConfig({
  root: 'web',
  // precompress: a brotli and a gzip copy of each text file, sent by server/http/web-assets.ts.
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      output: {
        // Only libraries every page needs get a named chunk of their own; the rest (antd's components,
        // dayjs locales, ECharts) is left to Rollup, which puts each module in the chunk of the pages that
        // import it. One catch-all "vendor" chunk made the sign-in page download every antd component
        // of every page (issue 12, page speed; before/after in bench/README.md).
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom)\//.test(id))
            return 'react';
          if (/node_modules\/(i18next|react-i18next)\//.test(id)) return 'i18n';
          // Only the chart pages import ECharts: its own chunk keeps it off every other page's load.
          if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
          return undefined;
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
