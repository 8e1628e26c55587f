import { defineConfig } from 'vitest/config';

// The real-browser suite (`npm run test:browser`): Debian's Chromium, axe-core and the Nu Html
// Checker against the built site. The global setup builds and serves it once for all files.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    maxWorkers: 2,
  },
});
