import { AppConfig, loadConfig } from '../engine/config/app-config';

/** The services `npm test` prepared; a developer running jest alone gets the same defaults. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hcmc1022_test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/14';

/** The queue prefix of the test processes (`npm test` sets the same). */
export const TEST_QUEUE_PREFIX = '{hcmc1022test}';

export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: TEST_DATABASE_URL,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: TEST_QUEUE_PREFIX,
    LOG_LEVEL: 'warn',
    ...overrides,
  });
}
