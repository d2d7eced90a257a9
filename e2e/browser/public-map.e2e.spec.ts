import { randomUUID } from 'node:crypto';
import type { Page, Response } from 'playwright-core';
import { api } from '../support/api';
import { baseUrl } from '../support/browser';
import { changedPixels, countAround, pixelsOfLayer, screenshot, settle, type MapHandle } from '../support/map-page';
import { decodeTile } from '../support/mvt';
import { pagePerTest } from '../support/session';

/**
 * The public transparency map, signed out: it paints the heat of public reports, a cell shows
 * its counts by public category (or nothing under 5 reports), and no tile or API answer the page
 * loads carries personal data: tiles hold `heat` with `count` only, JSON holds no contact,
 * description, tracking code or report id.
 */

const TIMEOUT_MS = 180_000;
const HOOK = '__publicMap1022';
// Bến Nghé riverside (Phường Sài Gòn): six public reports on one spot make one visible cell.
const BUSY: [number, number] = [106.7063, 10.7738];
const BUSY_REPORTS = 6;
// Six reports of a category kept off the public map (public-order), on their own spot.
const PRIVATE_SPOT: [number, number] = [106.6825, 10.7869];
// Xã Cần Giờ: one report alone, under the threshold of 5.
const LONE: [number, number] = [106.9543, 10.4113];
const PUBLIC_MIN_COUNT = 5;

const TRACKING_CODE = /HCM-\d{6}-[23456789A-HJ-NP-Z]{6}/;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.]+/;
const PHONE = /(?:\+?84|0)\d{9,10}/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
// Keys that name a person or what they wrote, at any depth.
const PERSONAL_KEYS = new Set([
  'phone',
  'email',
  'reporter',
  'reportername',
  'fullname',
  'username',
  'description',
  'address',
  'contact',
  'photos',
  'attachments',
  'caller',
  'callers',
]);
// Answers the transparency map may load; anything else (staff tiles, insights, reports) must not be asked for.
const PUBLIC_PATHS = [/^\/api\/v1\/public\//, /^\/api\/v1\/tiles\/basemap\//, /^\/api\/v1\/geo\/wards$/, /^\/api\/v1\/categories$/];

interface Loaded {
  url: URL;
  status: number;
  type: string;
  body: Buffer;
}

function tileOf(z: number, [lng, lat]: [number, number]): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((lng + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  };
}

/** Every key path of a JSON value whose key is personal, and every string value that looks like a code, e-mail, phone or id. */
function personalData(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => personalData(item, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => [
      ...(PERSONAL_KEYS.has(key.toLowerCase()) ? [`${path}.${key}`] : []),
      ...personalData(inner, `${path}.${key}`),
    ]);
  }
  if (typeof value === 'string' && (TRACKING_CODE.test(value) || EMAIL.test(value) || PHONE.test(value) || UUID.test(value)))
    return [`${path} = ${value}`];
  return [];
}

async function fileReport(category: string, [lng, lat]: [number, number], text: string): Promise<void> {
  const filed = await api('POST', '/api/v1/reports', {
    json: {
      category,
      lat,
      lng,
      description: `${text} ${randomUUID().slice(0, 8)}`,
      channel: 'app',
      reporter: { name: 'Nguyễn Văn Minh Bạch', phone: '0909123456', email: 'minh.bach@example.vn', hideIdentity: false },
    },
    headers: { 'idempotency-key': randomUUID() },
  });
  expect(filed.status).toBe(201);
}

/** The public tile's `count` at a point once the server has it (aggregates may trail intake by a few seconds). */
async function publicCountAt(z: number, point: [number, number], atLeast: number): Promise<number> {
  const { x, y } = tileOf(z, point);
  let best = 0;
  for (let attempt = 0; attempt < 40 && best < atLeast; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 500));
    const res = await fetch(`${baseUrl}/api/v1/public/tiles/reports/${z}/${x}/${y}.mvt?probe=${attempt}`);
    const layers = await decodeTile(Buffer.from(await res.arrayBuffer()));
    best = Math.max(0, ...layers.flatMap((layer) => layer.features.map((feature) => Number(feature.properties.count))));
  }
  return best;
}

describe('public transparency map in the browser', () => {
  let page: Page;
  pagePerTest({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' }, (opened) => (page = opened));

  beforeAll(async () => {
    for (let k = 0; k < BUSY_REPORTS; k++) await fileReport('garbage', BUSY, 'Rác tồn đọng bên bờ sông, kiểm thử bản đồ minh bạch');
    for (let k = 0; k < BUSY_REPORTS; k++)
      await fileReport('public-order', PRIVATE_SPOT, 'Mất trật tự nơi công cộng, kiểm thử bản đồ minh bạch');
    await fileReport('garbage', LONE, 'Rác trôi dạt ven biển, kiểm thử bản đồ minh bạch');
    expect(await publicCountAt(13, BUSY, BUSY_REPORTS)).toBeGreaterThanOrEqual(BUSY_REPORTS);
  }, TIMEOUT_MS);

  it(
    'paints the public heat, summarises a cell, hides small cells, and loads nothing personal',
    async () => {
      const loaded: Promise<Loaded | null>[] = [];
      const requested: { url: URL; authorization: string | undefined }[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname.startsWith('/api/')) requested.push({ url, authorization: request.headers().authorization });
      });
      page.on('response', (response: Response) => {
        const url = new URL(response.url());
        if (!url.pathname.startsWith('/api/')) return;
        const type = response.headers()['content-type'] ?? '';
        // The live stream never ends; its events are checked below from the page's side.
        if (type.includes('text/event-stream')) return;
        loaded.push(
          response.body().then(
            (body) => ({ url, status: response.status(), type, body }),
            () => null,
          ),
        );
      });

      // Signed out, the header offers the map.
      await page.goto(`${baseUrl}/`);
      expect(await page.getByTestId('nav-public-map').textContent()).toBe('Bản đồ minh bạch');
      await page.getByTestId('nav-public-map').click();
      await page.waitForURL(/\/public-map$/);
      await page.locator('[data-testid="public-map"][data-ready="true"]').waitFor({ timeout: 60_000 });
      await expect(page.locator('.maplibregl-ctrl-attrib').textContent()).resolves.toContain('© OpenStreetMap contributors');

      // The heat of the six reports is drawn and reaches the screen.
      await settle(page, HOOK, BUSY, 13);
      const heat = await countAround(page, HOOK, BUSY, ['public-heat'], 20);
      expect(heat.count).toBeGreaterThanOrEqual(BUSY_REPORTS);
      expect(await pixelsOfLayer(page, HOOK, 'public-map', 'public-layer-heat', heat.anchor)).toBeGreaterThan(150);

      // A click on the cell: its counts by public category, ours among them.
      const cellAnswer = page.waitForResponse((response) => response.url().includes('/api/v1/public/insights/cell?'));
      await page.getByTestId('public-map').click({ position: heat.anchor });
      expect((await cellAnswer).status()).toBe(200);
      const cell = page.locator('[data-testid="public-cell"][data-hidden="false"]');
      await cell.waitFor();
      expect(Number(await cell.getAttribute('data-total'))).toBeGreaterThanOrEqual(BUSY_REPORTS);
      expect(Number(await cell.locator('li[data-category="garbage"]').getAttribute('data-count'))).toBeGreaterThanOrEqual(BUSY_REPORTS);

      // Reports in a category kept off the public map make no heat; a lone report is hidden.
      await settle(page, HOOK, PRIVATE_SPOT, 13);
      expect((await countAround(page, HOOK, PRIVATE_SPOT, ['public-heat'], 6)).count).toBeLessThan(BUSY_REPORTS);
      await settle(page, HOOK, LONE, 13);
      const lone = await page.evaluate(({ hook, lngLat }) => (globalThis as unknown as Record<string, MapHandle>)[hook].project(lngLat), {
        hook: HOOK,
        lngLat: LONE,
      });
      const loneAnswer = page.waitForResponse((response) => response.url().includes('/api/v1/public/insights/cell?'));
      await page.getByTestId('public-map').click({ position: lone });
      await loneAnswer;
      await page.locator('[data-testid="public-cell"][data-hidden="true"]').waitFor();

      // Ward figures: the on-time layer paints, the table lists the wards.
      const before = await screenshot(page, 'public-map');
      await settle(page, HOOK, BUSY, 11);
      await page.getByTestId('public-layer-on-time').check();
      await settle(page, HOOK);
      const withWards = await screenshot(page, 'public-map');
      expect(changedPixels(before, withWards)).toBeGreaterThan(1000);
      expect(await page.getByTestId('public-ward-row').count()).toBe(168);

      // More zooms, so tiles of every kind are loaded.
      for (const zoom of [9, 15]) await settle(page, HOOK, BUSY, zoom);

      // Nothing but public answers was asked for, and never with credentials.
      for (const { url, authorization } of requested) {
        expect({ path: url.pathname, public: PUBLIC_PATHS.some((pattern) => pattern.test(url.pathname)) }).toEqual({
          path: url.pathname,
          public: true,
        });
        expect(authorization).toBeUndefined();
      }

      const answers = (await Promise.all(loaded)).filter((answer): answer is Loaded => answer !== null);
      const publicTiles = answers.filter((answer) => answer.url.pathname.startsWith('/api/v1/public/tiles/reports/'));
      expect(publicTiles.length).toBeGreaterThan(3);
      let cells = 0;
      for (const tile of publicTiles) {
        expect(tile.status).toBe(200);
        for (const layer of await decodeTile(tile.body)) {
          expect(layer.name).toBe('heat');
          for (const feature of layer.features) {
            cells++;
            expect(Object.keys(feature.properties)).toEqual(['count']);
            expect(Number(feature.properties.count)).toBeGreaterThanOrEqual(PUBLIC_MIN_COUNT);
            expect(feature.type).toBe(1);
          }
        }
      }
      expect(cells).toBeGreaterThan(0);
      for (const tile of answers.filter((answer) => answer.url.pathname.startsWith('/api/v1/tiles/basemap/'))) {
        for (const layer of await decodeTile(tile.body)) {
          expect(['water', 'roads', 'wards']).toContain(layer.name);
          for (const feature of layer.features) expect(personalData(feature.properties)).toEqual([]);
        }
      }
      const json = answers.filter((answer) => answer.type.includes('json'));
      expect(json.some((answer) => answer.url.pathname === '/api/v1/public/insights/wards')).toBe(true);
      expect(json.some((answer) => answer.url.pathname === '/api/v1/public/insights/cell')).toBe(true);
      for (const answer of json) {
        const text = answer.body.toString('utf8');
        expect({ path: answer.url.pathname, found: personalData(JSON.parse(text)) }).toEqual({ path: answer.url.pathname, found: [] });
        // The reporter's name and contact given above appear nowhere, in any field.
        expect(text).not.toContain('Minh Bạch');
        expect(text).not.toContain('0909123456');
        expect(text).not.toContain('kiểm thử bản đồ minh bạch');
      }
    },
    TIMEOUT_MS,
  );
});
