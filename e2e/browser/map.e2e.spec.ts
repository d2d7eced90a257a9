import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/api';
import { baseUrl } from '../support/browser';
import { screenshot, settle, type MapHandle } from '../support/map-page';
import type { DecodedPng } from '../support/png';
import { pagePerTest, switchToEnglish } from '../support/session';

/**
 * The public ward map through a real browser: sign in as the leader through the form, open the
 * map, check that all 168 units are drawn from our own vector tiles, that the ward colour really
 * reaches the screen, that the deck.gl labels appear only from zoom 10, and that the UI turns
 * English on request.
 */

const UNIT_COUNT = 168;
const TIMEOUT_MS = 120_000;
const HOOK = '__map1022';

// Ward fills as they reach the screen: frontend/src/map/mapPalette.ts blends each kind's colour
// at WARD_FILL_OPACITY (0.35) over LAND (#f3f1ea). phuong #f4a259, xa #8cc084.
const PHUONG_ON_SCREEN: Rgb = [243, 213, 183];
const XA_ON_SCREEN: Rgb = [207, 224, 198];
const COLOUR_TOLERANCE = 6;
// Label ink is rgb(24, 31, 42); nothing else drawn on the map is this dark.
const INK_MAX_CHANNEL = 90;

type Rgb = [number, number, number];

interface WardsResponse {
  features: { properties: { code: string; name: string; labelLng: number; labelLat: number } }[];
}

interface Region {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function countPixels(image: DecodedPng, matches: (rgb: Rgb) => boolean, region?: Region): number {
  const { left = 0, top = 0, right = image.width, bottom = image.height } = region ?? {};
  let count = 0;
  for (let y = Math.max(0, Math.floor(top)); y < Math.min(image.height, Math.ceil(bottom)); y++) {
    for (let x = Math.max(0, Math.floor(left)); x < Math.min(image.width, Math.ceil(right)); x++) {
      const i = (y * image.width + x) * image.channels;
      if (matches([image.pixels[i], image.pixels[i + 1], image.pixels[i + 2]])) count++;
    }
  }
  return count;
}

const near =
  (target: Rgb) =>
  ([r, g, b]: Rgb): boolean =>
    Math.abs(r - target[0]) <= COLOUR_TOLERANCE &&
    Math.abs(g - target[1]) <= COLOUR_TOLERANCE &&
    Math.abs(b - target[2]) <= COLOUR_TOLERANCE;

const isInk = ([r, g, b]: Rgb): boolean => r <= INK_MAX_CHANNEL && g <= INK_MAX_CHANNEL && b <= INK_MAX_CHANNEL;

/** Label ink in a box around a geographic point, polled because deck.gl redraws a frame after MapLibre. */
async function inkAround(page: Page, lngLat: [number, number], expectInk: boolean): Promise<number> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const anchor = await page.evaluate((point) => (globalThis as unknown as { __map1022: MapHandle }).__map1022.project(point), lngLat);
    const image = await screenshot(page, 'map-container');
    const ink = countPixels(image, isInk, {
      left: anchor.x - 70,
      right: anchor.x + 70,
      top: anchor.y - 14,
      bottom: anchor.y + 14,
    });
    if (ink > 0 === expectInk || Date.now() > deadline) return ink;
    await page.waitForTimeout(250);
  }
}

describe('ward map in the browser', () => {
  let page: Page;
  // An English-speaking browser: the app must still open in Vietnamese.
  pagePerTest({ viewport: { width: 1280, height: 800 }, locale: 'en-US' }, (opened) => (page = opened));

  it(
    'shows all 168 units in ward colours with labels from zoom 10, then switches to English',
    async () => {
      const wardsResponse = await page.request.get(`${baseUrl}/api/v1/geo/wards`);
      expect(wardsResponse.status()).toBe(200);
      const wards = ((await wardsResponse.json()) as WardsResponse).features.map((feature) => feature.properties);
      const apiCodes = [...new Set(wards.map((ward) => String(ward.code)))].sort();
      expect(apiCodes).toHaveLength(UNIT_COUNT);

      await page.goto(`${baseUrl}/login`);
      expect(await page.locator('html').getAttribute('lang')).toBe('vi');
      await page.getByTestId('login-username').fill('leader');
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.waitForURL(/\/leader$/);
      expect(await page.getByTestId('home-role').textContent()).toBe('Lãnh đạo thành phố');
      expect(await page.getByTestId('nav-map').textContent()).toBe('Bản đồ');

      await page.getByTestId('nav-map').click();
      await page.waitForURL(/\/map$/);
      await page.locator('[data-testid="map-container"][data-ready="true"]').waitFor({ timeout: 60_000 });

      // Every unit is drawn at the first view, Côn Đảo included (tiles are cut per tile, hence the Set).
      const renderedCodes = await page.evaluate(() => {
        const map = (globalThis as unknown as { __map1022: MapHandle }).__map1022;
        const features = map.queryRenderedFeatures(undefined, { layers: ['wards-fill'] });
        return [...new Set(features.map((feature) => String(feature.properties.code)))].sort();
      });
      expect(renderedCodes).toHaveLength(UNIT_COUNT);
      expect(renderedCodes).toEqual(apiCodes);

      // The fills reach the screen: a blank or background-only canvas has none of these pixels.
      const cityView = await screenshot(page, 'map-container');
      const mapArea = cityView.width * cityView.height;
      const phuongPixels = countPixels(cityView, near(PHUONG_ON_SCREEN));
      const xaPixels = countPixels(cityView, near(XA_ON_SCREEN));
      expect(phuongPixels).toBeGreaterThan(mapArea * 0.0015);
      expect(xaPixels).toBeGreaterThan(mapArea * 0.005);
      await expect(page.locator('.maplibregl-ctrl-attrib').textContent()).resolves.toContain('© OpenStreetMap contributors');

      // Labels: none below zoom 10, the ward's name drawn at its label point from zoom 10 on.
      const benThanh = wards.find((ward) => ward.name === 'Phường Bến Thành');
      expect(benThanh).toBeDefined();
      const labelPoint: [number, number] = [benThanh!.labelLng, benThanh!.labelLat];
      await settle(page, HOOK, labelPoint, 9.5);
      expect(await inkAround(page, labelPoint, false)).toBe(0);
      await settle(page, HOOK, labelPoint, 14);
      expect(await inkAround(page, labelPoint, true)).toBeGreaterThan(40);

      await switchToEnglish(page);
      expect(await page.getByTestId('app-name').textContent()).toContain('1022 Hotline');
      expect(await page.getByTestId('nav-home').textContent()).toBe('Home');
      expect(await page.getByTestId('nav-map').textContent()).toBe('Map');
      expect(await page.getByTestId('logout-button').textContent()).toBe('Sign out');
      expect(await page.getByTestId('user-unit').textContent()).toBe('City leader');
      await expect(page.locator('.maplibregl-ctrl-attrib').textContent()).resolves.toContain('Administrative boundaries 2025 (168 units)');

      // The choice is kept across a reload, and so is the session.
      await page.reload();
      await page.locator('[data-testid="map-container"][data-ready="true"]').waitFor({ timeout: 60_000 });
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.getByTestId('nav-map').textContent()).toBe('Map');
      expect(await page.getByTestId('user-name').isVisible()).toBe(true);
    },
    TIMEOUT_MS,
  );
});
