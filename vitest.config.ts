import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // Files that learn the engine in a hook (the build's stored one was learnt by the compiled code) take ~15 s on two
    // idle cores and twice that while CI runs the other files beside them.
    hookTimeout: 90_000,
  },
});
