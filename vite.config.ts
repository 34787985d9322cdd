import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The UI lives in web/ and is served by the Fastify process from dist/web (one port in production).
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // antd alone is ~1 MB minified; it is split into its own long-cached chunk instead of warned about.
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom)\//.test(id))
            return 'react';
          if (/node_modules\/(i18next|react-i18next)\//.test(id)) return 'i18n';
          // Only the chart pages import ECharts: its own chunk keeps it off every other page's load.
          if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
          return 'vendor';
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
