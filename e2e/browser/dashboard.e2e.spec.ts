import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api, login } from '../support/api';
import { baseUrl, launchBrowser } from '../support/browser';
import { decodePng, type DecodedPng } from '../support/png';

/**
 * The leaders' dashboard through a real browser: eight garbage reports filed next to Bến Thành
 * show up as heat at zoom 13, the day's top-10 list agrees with the insights API, and the
 * category filter reaches the report tiles.
 */

const PASSWORD = '1022demo!';
const TIMEOUT_MS = 180_000;
const CENTRE = { lat: 10.7725, lng: 106.6981 };
const REPORTS = 8;
// ~50 m in latitude/longitude at 10.8° N.
const SPREAD_DEG = 0.00045;
const HEAT_LAYER = 'reports-heat';
const BOX_PX = 40;

interface MapHandle {
  queryRenderedFeatures(
    geometry: [[number, number], [number, number]],
    options: { layers: string[] },
  ): { properties: Record<string, unknown> }[];
  jumpTo(options: { center: [number, number]; zoom: number }): void;
  project(lngLat: [number, number]): { x: number; y: number };
  once(event: 'idle', listener: () => void): void;
  triggerRepaint(): void;
  getSource(id: string): { tiles?: string[] } | undefined;
}

/** Pixels of a box that differ clearly between two screenshots of the same view. */
function changedPixels(a: DecodedPng, b: DecodedPng, centre: { x: number; y: number }): number {
  let count = 0;
  for (let y = Math.max(0, Math.floor(centre.y - BOX_PX)); y < Math.min(a.height, centre.y + BOX_PX); y++) {
    for (let x = Math.max(0, Math.floor(centre.x - BOX_PX)); x < Math.min(a.width, centre.x + BOX_PX); x++) {
      const i = (y * a.width + x) * a.channels;
      const diff = Math.abs(a.pixels[i] - b.pixels[i]) + Math.abs(a.pixels[i + 1] - b.pixels[i + 1]) + Math.abs(a.pixels[i + 2] - b.pixels[i + 2]);
      if (diff > 30) count++;
    }
  }
  return count;
}

/** Resolves once MapLibre is idle (every tile of the view loaded) after `action`. */
async function settle(page: Page, center?: [number, number], zoom?: number): Promise<void> {
  await page.evaluate(
    ({ center, zoom }) =>
      new Promise<void>((resolve) => {
        const map = (globalThis as unknown as { __dashboardMap1022: MapHandle }).__dashboardMap1022;
        map.once('idle', () => resolve());
        if (center && zoom !== undefined) map.jumpTo({ center, zoom });
        map.triggerRepaint();
      }),
    { center, zoom },
  );
}

/** Sum of `count` over the heat features drawn around the test point, and the point on screen. */
async function heatAround(page: Page): Promise<{ count: number; features: number; anchor: { x: number; y: number } }> {
  return page.evaluate(
    ({ lngLat, layer, box }) => {
      const map = (globalThis as unknown as { __dashboardMap1022: MapHandle }).__dashboardMap1022;
      const anchor = map.project(lngLat);
      const features = map.queryRenderedFeatures(
        [
          [anchor.x - box, anchor.y - box],
          [anchor.x + box, anchor.y + box],
        ],
        { layers: [layer] },
      );
      const count = features.reduce((sum, feature) => sum + Number(feature.properties.count ?? 0), 0);
      return { count, features: features.length, anchor };
    },
    { lngLat: [CENTRE.lng, CENTRE.lat] as [number, number], layer: HEAT_LAYER, box: BOX_PX },
  );
}

async function screenshotMap(page: Page): Promise<DecodedPng> {
  return decodePng(await page.getByTestId('dashboard-map').screenshot());
}

describe('leaders dashboard in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    const tag = randomUUID().slice(0, 8);
    for (let k = 0; k < REPORTS; k++) {
      const angle = (2 * Math.PI * k) / REPORTS;
      const filed = await api('POST', '/api/v1/reports', {
        json: {
          category: 'garbage',
          lat: CENTRE.lat + SPREAD_DEG * 0.6 * Math.sin(angle),
          lng: CENTRE.lng + SPREAD_DEG * 0.6 * Math.cos(angle),
          description: `Rác thải tồn đọng trên vỉa hè, kiểm thử bảng điều hành ${tag}-${k}`,
          channel: 'app',
        },
        headers: { 'idempotency-key': randomUUID() },
      });
      expect(filed.status).toBe(201);
    }
  }, TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  it(
    'draws the heat of new reports, lists the day top issues as the API does, and follows the category filter',
    async () => {
      await page.goto(`${baseUrl}/login`);
      await page.getByTestId('login-username').fill('leader');
      await page.getByTestId('login-password').fill(PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.waitForURL(/\/leader$/);
      expect(await page.getByTestId('nav-dashboard').textContent()).toBe('Bảng điều hành');
      await page.getByTestId('nav-dashboard').click();
      await page.waitForURL(/\/dashboard$/);
      await page.locator('[data-testid="dashboard-map"][data-ready="true"]').waitFor({ timeout: 60_000 });
      await expect(page.locator('.maplibregl-ctrl-attrib').textContent()).resolves.toContain('© OpenStreetMap contributors');

      // Heat at zoom 13: the rendered features hold our eight reports, and the layer reaches the screen.
      await page.getByTestId('dashboard-layer-hotspots').uncheck();
      await settle(page, [CENTRE.lng, CENTRE.lat], 13);
      const allHeat = await heatAround(page);
      expect(allHeat.count).toBeGreaterThanOrEqual(REPORTS);
      const withHeat = await screenshotMap(page);
      await page.getByTestId('dashboard-layer-heat').uncheck();
      await settle(page);
      const withoutHeat = await screenshotMap(page);
      expect(changedPixels(withHeat, withoutHeat, allHeat.anchor)).toBeGreaterThan(200);
      await page.getByTestId('dashboard-layer-heat').check();
      await settle(page);

      // The day's top 10: the first garbage item has the API's count.
      const token = await login('leader');
      const top = await api('GET', '/api/v1/insights/top-issues?period=day', { token });
      expect(top.status).toBe(200);
      const apiGarbage = (top.body.items as { category: { code: string }; count: number }[]).find((item) => item.category.code === 'garbage');
      expect(apiGarbage).toBeDefined();
      expect(apiGarbage!.count).toBeGreaterThanOrEqual(1);
      const uiGarbage = page.locator('[data-testid="dashboard-top-item"][data-category="garbage"]').first();
      await uiGarbage.waitFor();
      expect(Number(await uiGarbage.getAttribute('data-count'))).toBe(apiGarbage!.count);
      expect(await uiGarbage.getByTestId('dashboard-top-count').textContent()).toContain(String(apiGarbage!.count));

      // Category filter → pothole: the tiles are re-fetched and the garbage heat there is gone.
      await page.getByTestId('dashboard-category').selectOption('pothole');
      await page.locator('[data-testid="dashboard-map"][data-tiles*="category=pothole"]').waitFor();
      await page.waitForFunction(() => {
        const map = (globalThis as unknown as { __dashboardMap1022: MapHandle }).__dashboardMap1022;
        return map.getSource('reports')?.tiles?.[0]?.includes('category=pothole') ?? false;
      });
      await settle(page);
      const potholeHeat = await heatAround(page);
      expect(potholeHeat.count).toBeLessThanOrEqual(allHeat.count - REPORTS);

      // English on request.
      await page.getByTestId('lang-en').click();
      await page.locator('html[lang="en"]').waitFor();
      expect(await page.getByTestId('nav-dashboard').textContent()).toBe('Dashboard');
    },
    TIMEOUT_MS,
  );
});
