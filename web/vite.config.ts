import { defineConfig } from 'vite';

// The normal build (web/CMakeLists.txt) passes ROSTRUM_WEB_OUT = <build>/web/dist;
// `rostrum serve` serves that folder. `npm run dev` proxies /api to a running
// `rostrum serve` on ROSTRUM_API (default http://127.0.0.1:8080).
export default defineConfig({
  base: './',
  build: {
    outDir: process.env.ROSTRUM_WEB_OUT || 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    sourcemap: false,
  },
  server: {
    proxy: { '/api': process.env.ROSTRUM_API || 'http://127.0.0.1:8080' },
  },
});
