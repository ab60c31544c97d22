import { fileURLToPath } from 'node:url';
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export const sharedAlias = [
  { find: /^@kinerja\/shared$/, replacement: fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
];

/** Precompiles src/locales/*.json, so the message compiler stays out of the bundle (docs/dashboard.md "Locales"). */
export const i18nPlugin = () =>
  VueI18nPlugin({
    include: [fileURLToPath(new URL('./src/locales/**', import.meta.url))],
    runtimeOnly: true,
    compositionOnly: true,
    dropMessageCompiler: true,
  });

export default defineConfig({
  plugins: [vue(), i18nPlugin()],
  resolve: { alias: sharedAlias },
  server: {
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
