import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 240_000,
    // The build-output suites run real builds into out/; one file at a time keeps them apart.
    fileParallelism: false,
  },
});
