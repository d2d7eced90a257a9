import type { Page } from 'playwright-core';
import { baseUrl } from '../support/browser';
import { settle } from '../support/map-page';
import { pagePerTest, signIn } from '../support/session';

/**
 * The Content-Security-Policy the server sends (issue 14, finding 7) fits the app: the public map
 * (MapLibre, its worker, the basemap and tiles) and the leaders' dashboard (deck.gl over MapLibre)
 * load and draw without a single violation, and the policy forbids framing.
 */

const TIMEOUT_MS = 180_000;

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return () => page.evaluate(() => (globalThis as unknown as { __cspViolations: string[] }).__cspViolations);
}

describe('content security policy in the browser', () => {
  let page: Page;
  pagePerTest({ viewport: { width: 1200, height: 800 } }, (p) => (page = p));

  it(
    'the public map loads and draws under the policy, which forbids framing',
    async () => {
      const violations = await watchViolations(page);
      const res = await page.goto(`${baseUrl}/public-map`);
      const csp = res!.headers()['content-security-policy'];
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("worker-src 'self' blob:");
      await page.locator('[data-testid="public-map"][data-ready="true"]').waitFor({ timeout: 60_000 });
      await settle(page, '__publicMap1022', [106.7, 10.775], 12);
      // Data that arrives after the map went idle starts one more load: wait for it, bounded.
      const loaded = await page.waitForFunction(
        () => (globalThis as unknown as { __publicMap1022: { loaded(): boolean } }).__publicMap1022.loaded(),
        undefined,
        { timeout: 60_000 },
      );
      expect(await loaded.jsonValue()).toBe(true);
      expect(await violations()).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'the leaders’ dashboard, deck.gl layers included, runs without a violation',
    async () => {
      const violations = await watchViolations(page);
      await signIn(page, 'leader', /\/leader$/);
      await page.getByTestId('nav-dashboard').click();
      await page.waitForURL(/\/dashboard$/);
      await page.locator('[data-testid="dashboard-map"][data-ready="true"]').waitFor({ timeout: 60_000 });
      await settle(page, '__dashboardMap1022');
      expect(await violations()).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
