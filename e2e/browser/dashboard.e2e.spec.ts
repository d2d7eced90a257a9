import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { api, login } from '../support/api';
import { queryDatabase } from '../support/db';
import { changedPixels, countAround, pixelsOfLayer, screenshot, settle, type MapHandle } from '../support/map-page';
import { baseUrl } from '../support/browser';
import { pagePerTest, signIn, switchToEnglish } from '../support/session';

/**
 * The leaders' dashboard through a real browser: eight garbage reports filed next to Bến Thành
 * and the seeded hotspots show up as heat; the top-10 list agrees with the API and the
 * database; filters change the ward panel's figures and the picture; the time slider moves
 * the tile window; compare mode paints; a new report reaches the heat without a reload.
 */

const TIMEOUT_MS = 180_000;
const HOOK = '__dashboardMap1022';
const CENTRE = { lat: 10.7725, lng: 106.6981 };
const CENTRE_LNGLAT: [number, number] = [CENTRE.lng, CENTRE.lat];
// Phường Bến Thành holds CENTRE (Chợ Bến Thành).
const BEN_THANH = '26743';
// Phố đi bộ Bùi Viện, one of the seed's hotspots (seed/src/report-generator.data.ts HOTSPOTS).
const SEEDED_HOTSPOT: [number, number] = [106.6932, 10.7672];
const REPORTS = 8;
// ~50 m in latitude/longitude at 10.8° N.
const SPREAD_DEG = 0.00045;
// Density at z ≤ 13: the heatmap, or the H3 hexagons from z12 when the server sends them.
const DENSITY_LAYERS = ['reports-heat', 'reports-hex'];
const BOX_PX = 40;
const DAY_MS = 86_400_000;
const CITY_OFFSET_MS = 7 * 3_600_000;
const MERCATOR_R = 6_378_137;
const CELL_M = 500;

async function openDashboard(page: Page): Promise<void> {
  await signIn(page, 'leader', /\/leader$/);
  await page.getByTestId('nav-dashboard').click();
  await page.waitForURL(/\/dashboard$/);
  await page.locator('[data-testid="dashboard-map"][data-ready="true"]').waitFor({ timeout: 60_000 });
  // deck.gl hotspot rings would blur the heat's pixel comparisons.
  await page.getByTestId('dashboard-layer-hotspots').uncheck();
}

/** Waits until the map's report source carries a tile URL for which `test` holds, then for the tiles. */
async function waitForTiles(page: Page, test: string): Promise<void> {
  await page.waitForFunction(
    ({ hook, test }) => {
      const map = (globalThis as unknown as Record<string, MapHandle>)[hook];
      const url = map.getSource('reports')?.tiles?.[0];
      return url !== undefined && new RegExp(test).test(decodeURIComponent(url));
    },
    { hook: HOOK, test },
  );
  await settle(page, HOOK);
}

function cityDayStart(now: number): number {
  return Math.floor((now + CITY_OFFSET_MS) / DAY_MS) * DAY_MS - CITY_OFFSET_MS;
}

/** The insights 500 m cell (backend insights/grid.ts) of a WGS 84 point. */
function cellOf(lng: number, lat: number): { i: number; j: number } {
  const x = (lng * Math.PI * MERCATOR_R) / 180;
  const y = MERCATOR_R * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  return { i: Math.floor(x / CELL_M), j: Math.floor(y / CELL_M) };
}

interface WardPanelFigures {
  received: number;
  resolved: number;
  onTimeRate: number | null;
  backlog: number;
  medianResolveHours: number | null;
  satisfaction: number | null;
}

async function wardPanelFigures(page: Page): Promise<WardPanelFigures> {
  const value = async (id: string) => {
    const raw = await page.getByTestId(id).getAttribute('data-value');
    return raw === null || raw === '' ? null : Number(raw);
  };
  return {
    received: (await value('dashboard-ward-received')) ?? -1,
    resolved: (await value('dashboard-ward-resolved')) ?? -1,
    onTimeRate: await value('dashboard-ward-on-time'),
    backlog: (await value('dashboard-ward-backlog')) ?? -1,
    medianResolveHours: await value('dashboard-ward-median'),
    satisfaction: await value('dashboard-ward-satisfaction'),
  };
}

/** Clicks the ward under CENTRE at zoom 13 and returns the panel figures with the query the page sent. */
async function openWardPanel(page: Page): Promise<{ figures: WardPanelFigures; query: string }> {
  await settle(page, HOOK, CENTRE_LNGLAT, 13);
  const anchor = await page.evaluate(({ hook, lngLat }) => (globalThis as unknown as Record<string, MapHandle>)[hook].project(lngLat), {
    hook: HOOK,
    lngLat: CENTRE_LNGLAT,
  });
  const answer = page.waitForResponse((response) => response.url().includes(`/api/v1/insights/wards/${BEN_THANH}?`));
  await page.getByTestId('dashboard-map').click({ position: anchor });
  const response = await answer;
  expect(response.status()).toBe(200);
  await page.locator(`[data-testid="dashboard-ward"][data-code="${BEN_THANH}"][data-status="ready"]`).waitFor();
  return { figures: await wardPanelFigures(page), query: new URL(response.url()).search };
}

function figuresOf(body: any): WardPanelFigures {
  return {
    received: body.received,
    resolved: body.resolved,
    onTimeRate: body.onTimeRate,
    backlog: body.backlog,
    medianResolveHours: body.medianResolveHours,
    satisfaction: body.satisfaction.average,
  };
}

describe('leaders dashboard in the browser', () => {
  let page: Page;
  let token: string;
  pagePerTest({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' }, (opened) => (page = opened));

  beforeAll(async () => {
    token = await login('leader');
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

  it(
    'paints the heat of the seeded hotspots and of new reports, lists the day top issues as the API and the database do, and follows the category filter',
    async () => {
      await openDashboard(page);
      expect(await page.getByTestId('nav-dashboard').textContent()).toBe('Bảng điều hành');
      await expect(page.locator('.maplibregl-ctrl-attrib').textContent()).resolves.toContain('© OpenStreetMap contributors');

      // City zoom: the seeded hotspot is painted by the heat layer.
      await settle(page, HOOK, SEEDED_HOTSPOT, 11);
      const seeded = await countAround(page, HOOK, SEEDED_HOTSPOT, ['reports-heat'], BOX_PX);
      expect(seeded.count).toBeGreaterThan(0);
      expect(await pixelsOfLayer(page, HOOK, 'dashboard-map', 'dashboard-layer-density', seeded.anchor)).toBeGreaterThan(200);

      // Zoom 13: the rendered density holds our eight reports, and it reaches the screen.
      await settle(page, HOOK, CENTRE_LNGLAT, 13);
      const allHeat = await countAround(page, HOOK, CENTRE_LNGLAT, DENSITY_LAYERS, BOX_PX);
      expect(allHeat.count).toBeGreaterThanOrEqual(REPORTS);
      expect(await pixelsOfLayer(page, HOOK, 'dashboard-map', 'dashboard-layer-density', allHeat.anchor)).toBeGreaterThan(200);

      // The day's top 10 as the API has it, and every item's count as the database has it.
      const top = await api('GET', '/api/v1/insights/top-issues?period=day', { token });
      expect(top.status).toBe(200);
      const items = top.body.items as { category: { code: string }; cell: { lng: number; lat: number }; count: number }[];
      const apiGarbage = items.find((item) => item.category.code === 'garbage');
      expect(apiGarbage).toBeDefined();
      const uiItems = page.getByTestId('dashboard-top-item');
      await uiItems.first().waitFor();
      const ui = await uiItems.evaluateAll((nodes) =>
        nodes.map((node) => ({ category: node.getAttribute('data-category'), count: Number(node.getAttribute('data-count')) })),
      );
      expect(ui).toEqual(items.map((item) => ({ category: item.category.code, count: item.count })));
      const counted = `r.created_at >= $1 AND r.created_at < $2 AND r.status <> 'rejected'`;
      const dbTop = await queryDatabase<{ count: number }>(
        `SELECT count(*)::int AS count FROM report r WHERE ${counted}
          GROUP BY r.category_id, floor(ST_X(r.point_3857) / ${CELL_M}), floor(ST_Y(r.point_3857) / ${CELL_M})
          ORDER BY 1 DESC LIMIT 10`,
        [top.body.from, top.body.to],
      );
      expect(ui.map((item) => item.count)).toEqual(dbTop.map((row) => row.count));
      for (const item of items) {
        const { i, j } = cellOf(item.cell.lng, item.cell.lat);
        const [row] = await queryDatabase<{ count: number }>(
          `SELECT count(*)::int AS count FROM report r JOIN category c ON c.id = r.category_id
            WHERE ${counted} AND c.code = $3 AND floor(ST_X(r.point_3857) / ${CELL_M}) = $4 AND floor(ST_Y(r.point_3857) / ${CELL_M}) = $5`,
          [top.body.from, top.body.to, item.category.code, i, j],
        );
        expect(row.count).toBe(item.count);
      }
      const uiGarbage = page.locator('[data-testid="dashboard-top-item"][data-category="garbage"]').first();
      expect(await uiGarbage.getByTestId('dashboard-top-count').textContent()).toContain(String(apiGarbage!.count));

      // Category filter → pothole: the tiles are re-fetched and the garbage heat there is gone.
      await page.getByTestId('dashboard-category').selectOption('pothole');
      await page.locator('[data-testid="dashboard-map"][data-tiles*="category=pothole"]').waitFor();
      await waitForTiles(page, 'category=pothole');
      const potholeHeat = await countAround(page, HOOK, CENTRE_LNGLAT, DENSITY_LAYERS, BOX_PX);
      expect(potholeHeat.count).toBeLessThanOrEqual(allHeat.count - REPORTS);

      // English on request.
      await switchToEnglish(page);
      expect(await page.getByTestId('nav-dashboard').textContent()).toBe('Dashboard');
    },
    TIMEOUT_MS,
  );

  it(
    'shows a clicked ward with the API figures, and a filter changes both the figures and the picture',
    async () => {
      await openDashboard(page);
      const all = await openWardPanel(page);
      expect(await page.getByTestId('dashboard-ward-name').textContent()).toBe('Phường Bến Thành');
      const apiAll = await api('GET', `/api/v1/insights/wards/${BEN_THANH}${all.query}`, { token });
      expect(apiAll.status).toBe(200);
      expect(all.figures).toEqual(figuresOf(apiAll.body));
      expect(all.figures.received).toBeGreaterThanOrEqual(REPORTS);
      // "Its tickets": the ward committee's queue (followed at the end of this test).
      const link = new URL((await page.getByTestId('dashboard-ward-tickets').getAttribute('href'))!, baseUrl);
      expect(link.pathname).toBe('/workbench');
      expect(link.searchParams.get('ward')).toBe(BEN_THANH);

      const anchor = await page.evaluate(({ hook, lngLat }) => (globalThis as unknown as Record<string, MapHandle>)[hook].project(lngLat), {
        hook: HOOK,
        lngLat: CENTRE_LNGLAT,
      });
      const before = await screenshot(page, 'dashboard-map');
      const answer = page.waitForResponse(
        (response) => response.url().includes(`/api/v1/insights/wards/${BEN_THANH}?`) && response.url().includes('category=pothole'),
      );
      await page.getByTestId('dashboard-category').selectOption('pothole');
      const response = await answer;
      await waitForTiles(page, 'category=pothole');
      await page.locator('[data-testid="dashboard-ward"][data-status="ready"]').waitFor();
      const pothole = await wardPanelFigures(page);
      const apiPothole = await api('GET', `/api/v1/insights/wards/${BEN_THANH}${new URL(response.url()).search}`, { token });
      expect(pothole).toEqual(figuresOf(apiPothole.body));
      expect(pothole.received).toBeLessThanOrEqual(all.figures.received - REPORTS);
      const after = await screenshot(page, 'dashboard-map');
      expect(changedPixels(before, after, anchor)).toBeGreaterThan(200);

      // The handling unit filter reaches the tiles and the figures: the ward's own committee.
      const units = await api('GET', '/api/v1/units', { token });
      const committee = (units.body as { id: string; kind: string; wardCode: string | null }[]).find(
        (unit) => unit.kind === 'ward_committee' && unit.wardCode === BEN_THANH,
      );
      expect(committee).toBeDefined();
      await page.getByTestId('dashboard-category').selectOption('');
      const unitAnswer = page.waitForResponse(
        (response) => response.url().includes(`/api/v1/insights/wards/${BEN_THANH}?`) && response.url().includes(`unit=${committee!.id}`),
      );
      await page.getByTestId('dashboard-unit').selectOption(committee!.id);
      const unitResponse = await unitAnswer;
      await waitForTiles(page, `unit=${committee!.id}`);
      await page.locator('[data-testid="dashboard-ward"][data-status="ready"]').waitFor();
      const apiUnit = await api('GET', `/api/v1/insights/wards/${BEN_THANH}${new URL(unitResponse.url()).search}`, { token });
      expect(apiUnit.status).toBe(200);
      expect(await wardPanelFigures(page)).toEqual(figuresOf(apiUnit.body));

      // A leader reads the committee's queue and its tickets, with no action to take.
      expect(link.searchParams.get('unit')).toBe(committee!.id);
      await page.goto(link.href);
      await page.getByTestId('wb-queue-item').first().waitFor();
      await page.getByTestId('wb-queue-open').first().click();
      await page.getByTestId('wb-ticket-page').waitFor();
      await page.getByTestId('wb-reporter').waitFor();
      expect(await page.locator('#wb-actions-title').count()).toBe(0);
    },
    TIMEOUT_MS,
  );

  it(
    'moves the tile window with the time slider and plays it',
    async () => {
      await openDashboard(page);
      const requested: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/api/v1/tiles/reports/')) requested.push(decodeURIComponent(request.url()));
      });
      const today = cityDayStart(Date.now());
      const todayIso = new Date(today).toISOString();
      const yesterdayIso = new Date(today - DAY_MS).toISOString();

      // Day by day: today, open-ended so new reports keep arriving.
      await page.getByTestId('dashboard-window-day').check();
      await waitForTiles(page, `from=${todayIso}`);
      expect(await page.getByTestId('dashboard-map').getAttribute('data-tiles')).not.toContain('to=');
      expect(requested.some((url) => url.includes(`from=${todayIso}`))).toBe(true);

      // One step back: yesterday, closed at today's start.
      await page.getByTestId('dashboard-slider').focus();
      await page.keyboard.press('ArrowLeft');
      await waitForTiles(page, `from=${yesterdayIso}&to=${todayIso}`);
      expect(requested.some((url) => url.includes(`from=${yesterdayIso}&to=${todayIso}`))).toBe(true);
      expect(await page.getByTestId('dashboard-window-label').getAttribute('data-from')).toBe(yesterdayIso);

      // Play starts from there and steps forward to today, then stops.
      await page.getByTestId('dashboard-play').click();
      await page.locator(`[data-testid="dashboard-window-label"][data-from="${todayIso}"]`).waitFor({ timeout: 10_000 });
      await page.locator('[data-testid="dashboard-play"][aria-pressed="false"]').waitFor({ timeout: 10_000 });

      // Week by week, 90 days back: 12 steps.
      await page.getByTestId('dashboard-window-week').check();
      await page.getByTestId('dashboard-span').selectOption('90');
      expect(await page.getByTestId('dashboard-slider').getAttribute('max')).toBe('11');
      await page.getByTestId('dashboard-slider').fill('0');
      const oldestWeek = new Date(today + DAY_MS - 12 * 7 * DAY_MS).toISOString();
      await waitForTiles(page, `from=${oldestWeek}&to=${new Date(today + DAY_MS - 11 * 7 * DAY_MS).toISOString()}`);
    },
    TIMEOUT_MS,
  );

  it(
    'paints compare mode from the change cells and opens a report point',
    async () => {
      await openDashboard(page);
      const off = await screenshot(page, 'dashboard-map');
      const answer = page.waitForResponse((response) => response.url().includes('/api/v1/insights/change?'));
      await page.getByTestId('dashboard-layer-compare').check();
      expect((await answer).status()).toBe(200);
      await page.waitForFunction(
        () => Number(document.querySelector('[data-testid="dashboard-map"]')?.getAttribute('data-change-cells') || 0) > 0,
      );
      await settle(page, HOOK);
      const on = await screenshot(page, 'dashboard-map');
      expect(changedPixels(off, on)).toBeGreaterThan(500);
      await page.getByTestId('dashboard-layer-compare').uncheck();

      // Street zoom: status points; a click shows the ticket summary as the API has it.
      await page.getByTestId('dashboard-layer-status').check();
      await settle(page, HOOK, CENTRE_LNGLAT, 16);
      const point = await page.evaluate(
        ({ hook }) => {
          const map = (globalThis as unknown as Record<string, MapHandle>)[hook];
          const container = (map as unknown as { getContainer(): HTMLElement }).getContainer();
          const box = container.getBoundingClientRect();
          // A point a user can click: the map, not the legend or another panel laid over it, takes the click there.
          for (const feature of map.queryRenderedFeatures(undefined, { layers: ['reports-status-points'] })) {
            const at = map.project(feature.geometry.coordinates as [number, number]);
            const hit = document.elementFromPoint(box.left + at.x, box.top + at.y);
            if (hit && container.contains(hit)) return { id: String(feature.properties.id), code: String(feature.properties.code), at };
          }
          return null;
        },
        { hook: HOOK },
      );
      expect(point).not.toBeNull();
      await page.getByTestId('dashboard-map').click({ position: point!.at });
      await page.locator(`[data-testid="dashboard-point"][data-id="${point!.id}"]`).waitFor();
      expect(await page.getByTestId('dashboard-point-code').textContent()).toBe(point!.code);
      const report = await api('GET', `/api/v1/reports/${point!.id}`, { token });
      expect(report.body.code).toBe(point!.code);
      expect(await page.getByTestId('dashboard-point-link').getAttribute('href')).toBe(`/workbench/tickets/${point!.id}`);
    },
    TIMEOUT_MS,
  );

  it(
    'draws a report filed through the API on the heat within seconds, without a reload',
    async () => {
      await openDashboard(page);
      await page.locator('[data-testid="live-indicator"][data-status="open"]').waitFor({ timeout: 15_000 });
      // Chợ Bình Tây, away from the reports above.
      const place: [number, number] = [106.651, 10.7497];
      await settle(page, HOOK, place, 13);
      const before = await countAround(page, HOOK, place, DENSITY_LAYERS, 20);
      const navigations: string[] = [];
      page.on('framenavigated', (frame) => navigations.push(frame.url()));

      const filed = await api('POST', '/api/v1/reports', {
        json: {
          category: 'pothole',
          lat: place[1],
          lng: place[0],
          description: `Ổ gà mới trước chợ, kiểm thử cập nhật trực tiếp ${randomUUID().slice(0, 8)}`,
          channel: 'web',
        },
        headers: { 'idempotency-key': randomUUID() },
      });
      expect(filed.status).toBe(201);
      const started = Date.now();
      await page.waitForFunction(
        ({ hook, place, layers, count }) => {
          const map = (globalThis as unknown as Record<string, MapHandle>)[hook];
          const anchor = map.project(place);
          const features = map.queryRenderedFeatures(
            [
              [anchor.x - 20, anchor.y - 20],
              [anchor.x + 20, anchor.y + 20],
            ],
            { layers: layers.filter((id: string) => map.getLayer(id)) },
          );
          return features.reduce((sum, feature) => sum + Number(feature.properties.count ?? 1), 0) > count;
        },
        { hook: HOOK, place, layers: DENSITY_LAYERS, count: before.count },
        { timeout: 15_000, polling: 250 },
      );
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(navigations).toEqual([]);
      expect(Number(await page.getByTestId('live-indicator').getAttribute('data-generation'))).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );
});
