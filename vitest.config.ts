import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/fast-check-seed.ts'],
    // Tests must never depend on the developer's own .env or time zone.
    env: { TZ: 'UTC' },
    testTimeout: 20_000,
  },
});
