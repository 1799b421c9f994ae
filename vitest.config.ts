import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Real sockets and child processes: give slow CI machines room, never assert on timing.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most test files wait on sockets and child processes, not on the CPU: three at a time keep a
    // 2-core CI machine busy (the default, one per spare core, leaves it mostly idle).
    maxWorkers: 3,
  },
})
