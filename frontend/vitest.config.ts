import { defineConfig } from 'vitest/config';

// Unit tests of the pure helpers, beside them as *.spec.ts: no browser, no server, no network.
export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node',
  },
});
