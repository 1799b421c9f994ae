import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real sockets and child processes: give slow CI machines room, never assert on timing.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
})
