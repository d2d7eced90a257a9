import { spawn } from 'node:child_process';
import { join } from 'node:path';

// A process refusing its settings exits with EX_CONFIG, which a supervisor does not restart
// (backend/src/engine/health/startup-checks.ts, REFUSED_EXIT_CODE).
const REFUSED_EXIT_CODE = 78;

/**
 * Issue 14, finding 6, against the built processes: started as a careless deployment would start
 * them (NODE_ENV unset, the defaults written in the source, demo accounts asked for), the API and
 * the worker stop at once and name every setting to fix. (That strong settings pass is proved by
 * backend/src/engine/config/app-config.spec.ts.)
 */

const DIST = join(__dirname, '..', '..', 'backend', 'dist', 'backend', 'src');
const STRONG = {
  JWT_SECRET: '9f3b2c1d8e7a6f5041c2d3e4b5a69788f0e1d2c3b4a5968778695a4b3c2d1e0f',
  OPEN311_API_KEYS: '3fa85f6457174562b3fc2c963f66afa6',
  PUBLIC_BASE_URL: 'https://1022.tphcm.example.vn',
};

/** Runs a backend entry point with only these variables (and PATH): its exit code (null if killed after waitMs) and output. */
function start(script: string, env: Record<string, string>, waitMs = 60_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    // Nowhere to connect to: a process that passed its settings would be left retrying, not serving.
    const child = spawn(process.execPath, [join(DIST, script)], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none',
        REDIS_URL: 'redis://127.0.0.1:9/0',
        LOG_LEVEL: 'error',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), waitMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('production settings', () => {
  it.each(['main.js', 'worker.js'])('%s refuses the source defaults when NODE_ENV is unset, naming each setting', async (script) => {
    const { code, output } = await start(script, { DEMO_SEED: 'true' });
    expect(code).toBe(REFUSED_EXIT_CODE);
    for (const setting of ['JWT_SECRET', 'OPEN311_API_KEYS', 'DEMO_SEED', 'PUBLIC_BASE_URL']) expect(output).toContain(`  ${setting}:`);
  });

  it.each([
    [{ JWT_SECRET: 'aaaaaaaaaaaaaaaa' }, 'JWT_SECRET: too weak'],
    [{ OPEN311_API_KEYS: 'x' }, 'OPEN311_API_KEYS: key 1 is too weak'],
    [{ OPEN311_API_KEYS: 'demo-open311-key' }, 'OPEN311_API_KEYS: the demo key'],
    [{ NODE_ENV: 'production', DEMO_SEED: 'true' }, 'DEMO_SEED'],
  ])('the API stops with %j, saying %s', async (change, message) => {
    const { code, output } = await start('main.js', { ...STRONG, ...change });
    expect(code).toBe(REFUSED_EXIT_CODE);
    expect(output).toContain(message);
  });
});
