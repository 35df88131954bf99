import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // In-process servers stay quiet; spawned ones (tests/helpers/spawn-server.ts) log at info, which tests read.
    env: { LOG_LEVEL: 'silent' },
  },
});
