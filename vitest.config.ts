import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests must never depend on the developer's own .env or time zone.
    env: { TZ: 'UTC' },
    testTimeout: 20_000,
  },
});
