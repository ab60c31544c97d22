import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: [
      { find: /^@kinerja\/shared$/, replacement: fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
    ],
  },
  server: {
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
