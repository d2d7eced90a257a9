import type { Page, Request } from 'playwright-core';
import { api } from '../support/api';
import { baseUrl } from '../support/browser';
import { pagePerTest } from '../support/session';

/**
 * The citizen's report form through a real browser, against the running API: an anonymous
 * visitor files a flooding report in Phường Bến Thành with a photo and contact details, the
 * first answer is lost on the way back and the retry files nothing new (Idempotency-Key), the
 * tracking page shows the report with its photo and none of the personal data; and a report
 * without a description is refused with the error next to the field.
 */

const TIMEOUT_MS = 120_000;
const BEN_THANH = 'Phường Bến Thành';
const CODE_PATTERN = /^HCM-\d{6}-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{6}$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** Labels of frontend/src/i18n/vi.json (track.status) for the states a fresh report can be in. */
const STATUS_VI: Record<string, string> = {
  new: 'Mới tiếp nhận',
  assigned: 'Đã chuyển đơn vị xử lý',
  in_progress: 'Đang xử lý',
};

// A real 24×16 baseline JPEG (blue, amber and red blocks, drawn by Chromium's encoder): the
// server decodes and re-encodes every upload, so a few random bytes would not do.
const TINY_JPEG_BASE64 = [
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABh',
  'Y3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  'AAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAAB',
  'UAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAA',
  'AAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9Y',
  'WVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAM',
  'ZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcg',
  'LikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09P',
  'T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAQABgDASIAAhEBAxEB/8QAFwAAAwEAAAAAAAAAAAAAAAAAAAQF',
  'Bv/EAB8QAAECBgMAAAAAAAAAAAAAAAABBAIDFVOi0RNRkv/EABUBAQEAAAAAAAAAAAAAAAAAAAQC/8QAJhEAAAQEBAcAAAAAAAAA',
  'AAAAAAECAwQRMdEFBhITFBUWUVKRof/aAAwDAQACEQMRAD8Ali/PF1Camms7OS7FaA0uT/SaIi8xNuS2TUmVaXMMgcNQ3q4giOkh',
  'IA0NNZ2cl2AzqiE8VeiuAcof7l9sP//Z',
].join('');

type LngLat = { lng: number; lat: number };

/** The slice of MapLibre's Map the test drives through the page's test hook (window.__map1022). */
interface MapHandle {
  project(lngLat: [number, number]): { x: number; y: number };
  isMoving(): boolean;
  loaded(): boolean;
}

function metresBetween(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180;
  const x = (b.lng - a.lng) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.hypot(x, y) * 6_371_000;
}

async function wardAt(point: LngLat): Promise<string | null> {
  const r = await api('GET', `/api/v1/geo/locate?lat=${point.lat}&lng=${point.lng}`);
  return r.status === 200 ? r.body.ward.name : null;
}

/** A spot a few hundred metres from Bến Thành's label point that the API also places in Bến Thành. */
async function spotInBenThanh(labelPoint: LngLat): Promise<LngLat> {
  const offsets: [number, number][] = [
    [0.002, -0.001],
    [-0.002, 0.001],
    [0.0015, 0.0015],
    [-0.0015, -0.0015],
    [0.001, 0],
  ];
  for (const [dLng, dLat] of offsets) {
    const spot = { lng: +(labelPoint.lng + dLng).toFixed(6), lat: +(labelPoint.lat + dLat).toFixed(6) };
    if ((await wardAt(spot)) === BEN_THANH) return spot;
  }
  throw new Error('no test spot inside Phường Bến Thành near its label point');
}

async function openReportForm(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/report`);
  await page.getByTestId('report-page').waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe('vi');
  await page.locator('[data-testid="report-map"][data-ready="true"]').waitFor({ timeout: 60_000 });
}

/** Picks flooding through the accent-insensitive search and answers its required questions. */
async function pickFloodingBySearch(page: Page, floodingNameVi: string): Promise<void> {
  await page.getByTestId('report-category-search').fill('ngap');
  await page.getByTestId('report-category-option-flooding').waitFor();
  // The search narrows the list: an unrelated category is gone.
  expect(await page.getByTestId('report-category-option-pothole').count()).toBe(0);
  await page.getByTestId('report-category-option-flooding').click();
  expect(await page.getByTestId('report-category-selected-name').textContent()).toBe(floodingNameVi);
  for (const select of await page.locator('[data-testid="report-attributes"] select[required]').all()) {
    await select.selectOption({ index: 1 });
  }
}

/** Ward search for "Bến Thành": the pin jumps to the ward's label point and the ward is named. */
async function placePinBySearch(page: Page): Promise<void> {
  await page.getByTestId('report-place-search').fill('Bến Thành');
  const match = page.locator('[data-testid="report-place-result"]', { hasText: BEN_THANH }).first();
  await match.waitFor();
  await match.click();
  await page.locator('[data-testid="report-location"][data-status="inside"]').waitFor();
  expect(await page.getByTestId('report-location-ward').textContent()).toBe(BEN_THANH);
}

async function waitForMapAtRest(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const map = (globalThis as unknown as { __map1022?: MapHandle }).__map1022;
    return map !== undefined && map.loaded() && !map.isMoving();
  });
}

/** Drags the pin with the mouse so that its tip moves from `from` to `to` (both on screen). */
async function dragPin(page: Page, from: LngLat, to: LngLat): Promise<void> {
  await page.getByTestId('report-map').scrollIntoViewIfNeeded();
  await waitForMapAtRest(page);
  const [start, end] = await page.evaluate(
    ([a, b]) => {
      const map = (globalThis as unknown as { __map1022: MapHandle }).__map1022;
      return [map.project([a.lng, a.lat]), map.project([b.lng, b.lat])];
    },
    [from, to] as const,
  );
  const mapBox = (await page.getByTestId('report-map').boundingBox())!;
  const pinBox = (await page.getByTestId('report-pin').boundingBox())!;
  // Grab the pin by its head; the marker keeps the grab offset, so the tip moves by the same delta.
  const grab = { x: pinBox.x + pinBox.width / 2, y: pinBox.y + pinBox.height / 3 };
  const delta = { x: end.x - start.x, y: end.y - start.y };
  expect(Math.hypot(delta.x, delta.y)).toBeGreaterThan(20);
  expect(end.x).toBeGreaterThan(0);
  expect(end.x).toBeLessThan(mapBox.width);
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + delta.x, grab.y + delta.y, { steps: 12 });
  await page.mouse.up();
}

function coordinatesShown(text: string | null): LngLat {
  const match = /(-?\d+\.\d+),\s*(-?\d+\.\d+)/.exec(text ?? '');
  if (!match) throw new Error(`no coordinates in "${text}"`);
  return { lat: Number(match[1]), lng: Number(match[2]) };
}

describe('citizen report form in the browser', () => {
  let page: Page;
  let floodingNameVi: string;
  let benThanhLabel: LngLat;
  // Reduced motion: the map jumps instead of flying, so the pin is where the test expects it.
  pagePerTest({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', reducedMotion: 'reduce' }, (opened) => (page = opened));

  beforeAll(async () => {
    const categories = await api('GET', '/api/v1/categories');
    expect(categories.status).toBe(200);
    floodingNameVi = categories.body.find((category: { code: string }) => category.code === 'flooding').nameVi;
    const search = await api('GET', `/api/v1/geo/search?q=${encodeURIComponent('Bến Thành')}&limit=10`);
    expect(search.status).toBe(200);
    const hit = search.body.find((match: { name: string }) => match.name === BEN_THANH);
    benThanhLabel = { lng: hit.lng, lat: hit.lat };
  }, TIMEOUT_MS);

  it(
    'files one report with a photo from an anonymous citizen and tracks it without personal data',
    async () => {
      const stamp = Date.now();
      const phoneDigits = `09${String(stamp % 100_000_000).padStart(8, '0')}`;
      const phoneTyped = `${phoneDigits.slice(0, 4)} ${phoneDigits.slice(4, 7)} ${phoneDigits.slice(7)}`;
      const email = `nguoi.dan.${stamp}@example.vn`;
      const name = `Người Thử ${stamp}`;
      const description = `Đường ngập sâu sau cơn mưa chiều, xe máy chết máy (e2e ${stamp}).`;
      const target = await spotInBenThanh(benThanhLabel);

      // The first answer to POST /reports is lost after the server has filed the report.
      const posts: { key: string | undefined; body: Record<string, unknown> }[] = [];
      const filed: { first: { code: string } | null } = { first: null };
      await page.route('**/api/v1/reports', async (route) => {
        const request = route.request();
        if (request.method() !== 'POST') return route.continue();
        posts.push({ key: request.headers()['idempotency-key'], body: request.postDataJSON() });
        if (filed.first === null) {
          const response = await route.fetch();
          expect(response.status()).toBe(201);
          filed.first = (await response.json()) as { code: string };
          return route.abort('connectionreset');
        }
        return route.continue();
      });
      const answers: Promise<{ status: number; code: string }>[] = [];
      page.on('response', (response) => {
        if (response.url().endsWith('/api/v1/reports') && response.request().method() === 'POST') {
          answers.push(response.json().then((body: { code: string }) => ({ status: response.status(), code: body.code })));
        }
      });

      await openReportForm(page);
      await pickFloodingBySearch(page, floodingNameVi);

      await placePinBySearch(page);
      const before = coordinatesShown(await page.getByTestId('report-coordinates').textContent());
      expect(metresBetween(before, benThanhLabel)).toBeLessThan(2);
      await dragPin(page, before, target);
      await page.waitForFunction(
        (previous) => !document.querySelector('[data-testid="report-coordinates"]')?.textContent?.includes(previous),
        before.lat.toFixed(6),
      );
      await page.locator('[data-testid="report-location"][data-status="inside"]').waitFor();
      expect(await page.getByTestId('report-location-ward').textContent()).toBe(BEN_THANH);
      const dropped = coordinatesShown(await page.getByTestId('report-coordinates').textContent());
      expect(metresBetween(dropped, target)).toBeLessThan(15);

      await page.getByTestId('report-address').fill('Trước chợ Bến Thành, cửa Nam');
      await page.getByTestId('report-description').fill(description);
      expect(await page.getByTestId('report-description-counter').textContent()).toContain(`${description.length}/5000`);

      await page.getByTestId('report-photo-input').setInputFiles({
        name: 'ngap.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.from(TINY_JPEG_BASE64, 'base64'),
      });
      await page.locator('[data-testid="report-photo"][data-status="done"]').waitFor();
      expect(await page.getByTestId('report-photo').count()).toBe(1);

      await page.getByTestId('report-contact-name').fill(name);
      await page.getByTestId('report-contact-phone').fill(phoneTyped);
      await page.getByTestId('report-contact-email').fill(email);
      // Contact details without consent (Decree 13/2023) are refused before anything is sent.
      await page.getByTestId('report-submit').click();
      await page.getByTestId('report-error-consent').waitFor();
      expect(posts).toHaveLength(0);
      await page.getByTestId('report-consent').check();

      await page.getByTestId('report-submit').click();
      await page.locator('[data-testid="report-submit-problem"][data-kind="network"]').waitFor();
      expect(filed.first).not.toBeNull();
      // Retry, with a double click for good measure: the same key, so the same report.
      await page.getByTestId('report-submit').dblclick();
      const code = (await page.getByTestId('report-tracking-code').textContent())!.trim();
      expect(code).toMatch(CODE_PATTERN);
      expect(code).toBe(filed.first!.code);
      expect(posts.length).toBeGreaterThanOrEqual(2);
      expect(posts[0].key).toMatch(UUID_PATTERN);
      expect(new Set(posts.map((post) => post.key)).size).toBe(1);
      for (const answer of await Promise.all(answers)) expect(answer).toEqual({ status: 201, code });

      const sent = posts[0].body as { lat: number; lng: number; channel: string; photos: string[]; consent: boolean };
      expect(sent.channel).toBe('web');
      expect(sent.photos).toHaveLength(1);
      expect(sent.consent).toBe(true);
      expect(metresBetween({ lng: sent.lng, lat: sent.lat }, target)).toBeLessThan(15);

      // The private link, shown once with a note to keep it: the retry's answer, whose secret replaced the first.
      const link = (await page.getByTestId('report-reporter-link').textContent())!.trim();
      expect(link).toMatch(new RegExp(`^${baseUrl}/track/${code}#secret=[A-Za-z0-9_-]{43}$`));
      const linkSecret = link.split('#secret=')[1];
      expect((await api('GET', `/api/v1/track/${code}`, { headers: { 'x-reporter-secret': linkSecret } })).body.asReporter).toBe(true);
      expect(await page.getByTestId('report-reporter-link-box').textContent()).toContain('Hãy lưu đường dẫn này');

      await page.getByTestId('report-track-link').click();
      await page.waitForURL(new RegExp(`/track/${code}$`));
      await page.getByTestId('track-report').waitFor();

      const tracked = await api('GET', `/api/v1/track/${code}`);
      expect(tracked.status).toBe(200);
      expect(tracked.body.code).toBe(code);
      expect(tracked.body.category.code).toBe('flooding');
      expect(tracked.body.ward.name).toBe(BEN_THANH);
      expect(tracked.body.description).toBe(description);
      expect(tracked.body.photos).toHaveLength(1);

      const status = await page.getByTestId('track-status').getAttribute('data-status');
      expect(Object.keys(STATUS_VI)).toContain(status);
      expect(await page.getByTestId('track-status').textContent()).toBe(STATUS_VI[status!]);
      expect(await page.getByTestId('track-category').textContent()).toBe(floodingNameVi);
      expect(await page.getByTestId('track-ward').textContent()).toBe(BEN_THANH);
      expect(await page.getByTestId('track-description').textContent()).toBe(description);
      expect(await page.locator('[data-testid="track-event"][data-type="created"]').count()).toBe(1);

      const photo = page.getByTestId('track-photo');
      expect(await photo.count()).toBe(1);
      await photo.scrollIntoViewIfNeeded();
      const naturalWidth = await photo.evaluate(
        (img: HTMLImageElement) =>
          new Promise<number>((resolve) => {
            if (img.complete) resolve(img.naturalWidth);
            else {
              img.addEventListener('load', () => resolve(img.naturalWidth));
              img.addEventListener('error', () => resolve(0));
            }
          }),
      );
      expect(naturalWidth).toBeGreaterThan(0);

      // No personal data on the public page or in the public API answer.
      const html = await page.content();
      const publicJson = JSON.stringify(tracked.body);
      for (const secret of [phoneDigits, phoneTyped, email, name]) {
        expect(html).not.toContain(secret);
        expect(publicJson).not.toContain(secret);
      }

      // The code typed the way people type it lands on the same report.
      await page.goto(`${baseUrl}/track/${code.toLowerCase().replace(/-/g, '')}`);
      await page.waitForURL(new RegExp(`/track/${code}$`));
      expect(await page.getByTestId('track-code').textContent()).toBe(code);
    },
    TIMEOUT_MS,
  );

  it(
    'refuses a report without a description next to the field and files nothing',
    async () => {
      const posted: Request[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/api/v1/reports') && request.method() === 'POST') posted.push(request);
      });

      await openReportForm(page);
      await pickFloodingBySearch(page, floodingNameVi);
      await placePinBySearch(page);

      await page.getByTestId('report-submit').click();
      const error = page.getByTestId('report-error-description');
      await error.waitFor();
      expect(await error.textContent()).toBe('Vui lòng mô tả sự việc.');
      expect(await page.getByTestId('report-description').getAttribute('aria-invalid')).toBe('true');
      // The focus goes to the field that needs attention.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('report-description');
      expect(await page.getByTestId('report-error-summary').isVisible()).toBe(true);

      // The server's own check, named by field: a phone number it does not accept.
      await page.getByTestId('report-description').fill('Nước ngập ngang đầu gối.');
      await page.getByTestId('report-contact-phone').fill('12345');
      await page.getByTestId('report-consent').check();
      await page.getByTestId('report-submit').click();
      const phoneError = page.getByTestId('report-error-reporter-phone');
      await phoneError.waitFor();
      expect((await phoneError.textContent())!.length).toBeGreaterThan(0);
      expect(await page.getByTestId('report-contact-phone').getAttribute('aria-invalid')).toBe('true');

      expect(posted).toHaveLength(1);
      const refused = await posted[0].response();
      expect(refused?.status()).toBe(400);
      expect(await page.getByTestId('report-success').count()).toBe(0);
      expect(await page.getByTestId('report-tracking-code').count()).toBe(0);
    },
    TIMEOUT_MS,
  );
});
