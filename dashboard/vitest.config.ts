import vue from '@vitejs/plugin-vue';
import { defineProject } from 'vitest/config';
import { i18nPlugin, sharedAlias } from './vite.config';

export default defineProject({
  plugins: [vue(), i18nPlugin()],
  resolve: { alias: sharedAlias },
  test: {
    name: 'dashboard',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'happy-dom',
  },
});
