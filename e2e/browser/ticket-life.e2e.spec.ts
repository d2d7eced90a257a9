import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api, login } from '../support/api';
import { baseUrl, launchBrowser } from '../support/browser';
import { screenshot } from '../support/map-page';
import { signIn } from '../support/session';

/**
 * The whole life of a ticket through two browsers: a citizen files an illegal-construction
 * report in Phường Bến Thành, with contact details; the worker routes it to the ward; the ward
 * official works it from the workbench (accept, ask for more, resolve with a photo), the
 * citizen answers from their private reporter link, disputes the first result, and rates the
 * second, which closes the ticket. Someone with the public tracking code alone only reads
 * (invariant 7). Another ward's official cannot see or touch it (invariant 4).
 */

// In Phường Bến Thành, across from the market's west gate.
const POINT = { lat: 10.7725, lng: 106.6981 };
const ROUTING_WAIT_MS = 15_000;

async function waitUntilRouted(code: string): Promise<{ name: string; kind: string }> {
  const deadline = Date.now() + ROUTING_WAIT_MS;
  for (;;) {
    const tracked = await api('GET', `/api/v1/track/${code}`);
    expect(tracked.status).toBe(200);
    if (tracked.body.assignedUnit) return tracked.body.assignedUnit;
    if (Date.now() > deadline) throw new Error(`${code} was not routed within ${ROUTING_WAIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A real JPEG, drawn and encoded by the browser itself. */
async function makeJpeg(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#2f855a';
    context.fillRect(0, 0, 64, 48);
    context.fillStyle = '#f6e05e';
    context.fillRect(16, 12, 32, 24);
    return canvas.toDataURL('image/jpeg', 0.9).split(',')[1];
  });
  return Buffer.from(base64, 'base64');
}

/** The workbench map's marker colours by deadline state (frontend workbench/createQueueMarkerLayer.ts). */
const MARKER_RGB: Record<string, [number, number, number]> = {
  overdue: [0xb9, 0x1c, 0x1c],
  warning: [0xd9, 0x77, 0x06],
  ok: [0x04, 0x78, 0x57],
  paused: [0x6b, 0x72, 0x80],
  none: [0x6b, 0x72, 0x80],
};

interface WorkbenchMapHandle {
  queryRenderedFeatures(options: { layers: string[] }): { properties: { id: string; code: string; state: string } }[];
  project(lngLat: [number, number]): { x: number; y: number };
  once(event: 'idle', listener: () => void): void;
  triggerRepaint(): void;
}

/** Waits for the workbench map to be idle, then reads the markers it drew (one per ticket id). */
async function renderedMarkers(page: Page): Promise<Map<string, { code: string; state: string }>> {
  await page.locator('[data-testid="wb-map"][data-ready="true"]').waitFor({ timeout: 60_000 });
  const markers = await page.evaluate(
    () =>
      new Promise<{ id: string; code: string; state: string }[]>((resolve) => {
        const map = (globalThis as unknown as { __workbenchMap1022: WorkbenchMapHandle }).__workbenchMap1022;
        map.once('idle', () => resolve(map.queryRenderedFeatures({ layers: ['queue-markers'] }).map((feature) => feature.properties)));
        map.triggerRepaint();
      }),
  );
  // A point on a tile edge can come back from each tile.
  return new Map(markers.map((marker) => [marker.id, { code: marker.code, state: marker.state }]));
}

async function ticketStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="wb-ticket"][data-status="${status}"]`).waitFor({ timeout: 15_000 });
}

async function trackStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="track-status"][data-status="${status}"]`).waitFor({ timeout: 15_000 });
}

describe('the life of a ticket, official and citizen in the browser', () => {
  let browser: Browser;
  let officialContext: BrowserContext;
  let citizenContext: BrowserContext;
  let official: Page;
  let citizen: Page;
  let code: string;
  let id: string;
  let reporterUrl: string;
  let wardToken: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    wardToken = await login('ward.benthanh');
    const filed = await api('POST', '/api/v1/reports', {
      json: {
        category: 'illegal-construction',
        ...POINT,
        description: `Công trình xây thêm tầng không phép trên vỉa hè, kiểm thử ${randomUUID().slice(0, 8)}`,
        channel: 'web',
        reporter: { name: 'Phạm Thị Dung', email: `dung.${randomUUID().slice(0, 8)}@example.com`, hideIdentity: false },
        consent: true,
      },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(filed.status).toBe(201);
    code = filed.body.code;
    id = filed.body.id;
    reporterUrl = filed.body.reporterUrl;
    // Absolute from the configured public address (PUBLIC_BASE_URL), a path without one.
    expect(new URL(reporterUrl, baseUrl).toString()).toBe(`${baseUrl}/track/${code}#secret=${filed.body.reporterSecret}`);
    officialContext = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } });
    // The citizen is on a phone.
    citizenContext = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    official = await officialContext.newPage();
    citizen = await citizenContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('is routed to the People’s Committee of Phường Bến Thành', async () => {
    const unit = await waitUntilRouted(code);
    expect(unit.kind).toBe('ward_committee');
    expect(unit.name).toContain('Phường Bến Thành');
  });

  it('the ward official finds it in the workbench queue and on its map, and opens it from the map', async () => {
    // The official's home is the workbench.
    await signIn(official, 'ward.benthanh', /\/workbench$/);
    await official.getByTestId('wb-queue').waitFor();
    expect(await official.getByTestId('wb-unit').textContent()).toContain('Bến Thành');

    // The whole queue: one marker per row, each in its row's deadline colour.
    const rows = await official.getByTestId('wb-queue-item').evaluateAll((items) =>
      items.map((item) => ({
        id: item.getAttribute('data-id')!,
        state: item.querySelector('[data-testid="wb-deadline"]')!.getAttribute('data-state')!,
      })),
    );
    expect(rows.map((row) => row.id)).toContain(id);
    const allMarkers = await renderedMarkers(official);
    expect(await official.getByTestId('wb-map').getAttribute('data-count')).toBe(String(rows.length));
    expect([...allMarkers.keys()].sort()).toEqual(rows.map((row) => row.id).sort());
    for (const row of rows) expect({ id: row.id, state: allMarkers.get(row.id)?.state }).toEqual({ id: row.id, state: row.state });

    // The map follows the filter: only this ticket is left, in view and drawn in its badge colour.
    await official.getByTestId('wb-filter-text').fill(code.toLowerCase());
    const row = official.locator(`[data-testid="wb-queue-item"][data-code="${code}"]`);
    await row.waitFor();
    expect(await official.getByTestId('wb-queue-item').count()).toBe(1);
    expect(await row.getAttribute('data-status')).toBe('assigned');
    const state = (await row.getByTestId('wb-deadline').getAttribute('data-state'))!;
    expect(['ok', 'warning']).toContain(state);
    await official.locator('[data-testid="wb-map"][data-count="1"]').waitFor();
    const markers = await renderedMarkers(official);
    expect([...markers.entries()]).toEqual([[id, { code, state }]]);
    const at = await official.evaluate(
      (lngLat) => (globalThis as unknown as { __workbenchMap1022: WorkbenchMapHandle }).__workbenchMap1022.project(lngLat),
      [POINT.lng, POINT.lat] as [number, number],
    );
    const shot = await screenshot(official, 'wb-map');
    const i = (Math.round(at.y) * shot.width + Math.round(at.x)) * shot.channels;
    const drawn = [shot.pixels[i], shot.pixels[i + 1], shot.pixels[i + 2]];
    const distance = drawn.reduce((sum, value, k) => sum + Math.abs(value - MARKER_RGB[state][k]), 0);
    expect({ drawn, distance: distance < 40 }).toEqual({ drawn, distance: true });

    // A click on the marker opens the ticket.
    const box = (await official.getByTestId('wb-map').boundingBox())!;
    await official.mouse.click(box.x + at.x, box.y + at.y);
    await official.waitForURL(new RegExp(`/workbench/tickets/${id}$`));
    await ticketStatus(official, 'assigned');
    expect(await official.getByTestId('wb-ticket-code').textContent()).toBe(code);
    expect(await official.getByTestId('wb-ticket-ward').textContent()).toBe('Phường Bến Thành');
    expect(await official.locator('[data-testid="wb-sla-clock"]').count()).toBeGreaterThan(0);
  });

  it('accepts it', async () => {
    await official.getByTestId('wb-action-accept').click();
    await official.getByTestId('wb-action-submit').click();
    await ticketStatus(official, 'in_progress');
    expect(await official.getByTestId('wb-action-done').getAttribute('data-status')).toBe('in_progress');
  });

  it('asks the citizen for more information, with an internal note the citizen never sees', async () => {
    await official.getByTestId('wb-action-request-info').click();
    // The public answer is required: an empty one is refused before anything is sent.
    await official.getByTestId('wb-action-submit').click();
    expect(await official.getByTestId('wb-action-error').getAttribute('data-kind')).toBe('field');
    await official.getByTestId('wb-action-public').fill('Đề nghị cho biết số nhà chính xác của công trình.');
    await official.getByTestId('wb-action-note').fill('Đội trật tự đô thị đã xác nhận có thi công.');
    await official.getByTestId('wb-action-submit').click();
    await ticketStatus(official, 'waiting_citizen');
    await official.getByTestId('wb-waiting-citizen').waitFor();

    // The internal note; the other non-public events record who stored and viewed the reporter's contact details.
    const internal = official.locator('[data-testid="wb-event"][data-public="false"][data-type="note"]');
    expect(await internal.count()).toBe(1);
    expect(await internal.getByTestId('wb-event-internal').textContent()).toBe('Nội bộ');
    expect(await internal.getByTestId('wb-event-message').textContent()).toBe('Đội trật tự đô thị đã xác nhận có thi công.');
    // The resolution clock pauses while the citizen is asked.
    expect(await official.locator('[data-testid="wb-sla-clock"][data-kind="resolution"]').getAttribute('data-state')).toBe('paused');
  });

  it('someone with the public tracking code alone only reads', async () => {
    const strangerContext = await browser.newContext({ locale: 'vi-VN' });
    try {
      const stranger = await strangerContext.newPage();
      await stranger.goto(`${baseUrl}/track/${code}`);
      await trackStatus(stranger, 'waiting_citizen');
      await stranger.getByTestId('track-readonly-hint').waitFor();
      expect(await stranger.getByTestId('track-reply-input').count()).toBe(0);
      expect(await stranger.getByTestId('track-actions').count()).toBe(0);
      // Nor can the API be asked directly with the code alone.
      const forged = await api('POST', `/api/v1/track/${code}/reply`, { json: { message: 'Không phải người phản ánh' } });
      expect(forged.status).toBe(401);
    } finally {
      await strangerContext.close();
    }
  });

  it('the citizen answers from their private link', async () => {
    await citizen.goto(new URL(reporterUrl, baseUrl).toString());
    await trackStatus(citizen, 'waiting_citizen');
    // The secret leaves the address bar; this browser keeps it for the code.
    await citizen.waitForURL(new RegExp(`/track/${code}$`));
    expect(await citizen.getByTestId('track-request-message').textContent()).toBe('Đề nghị cho biết số nhà chính xác của công trình.');
    expect(await citizen.getByTestId('track-page').textContent()).not.toContain('Đội trật tự đô thị');
    await citizen.getByTestId('track-reply-input').fill('Số nhà 12, ngay cổng tây chợ Bến Thành.');
    await citizen.getByTestId('track-reply-submit').click();
    await trackStatus(citizen, 'in_progress');
    expect(await citizen.getByTestId('track-timeline').textContent()).toContain('Số nhà 12, ngay cổng tây chợ Bến Thành.');
  });

  it('the official resolves with a public answer and a photo', async () => {
    await official.reload();
    await ticketStatus(official, 'in_progress');
    expect(await official.getByTestId('wb-timeline').textContent()).toContain('Số nhà 12, ngay cổng tây chợ Bến Thành.');
    await official.getByTestId('wb-action-resolve').click();
    await official.getByTestId('wb-action-public').fill('Đã lập biên bản và buộc tháo dỡ phần xây dựng không phép.');
    await official
      .getByTestId('report-photo-input')
      .setInputFiles({ name: 'hien-truong.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(official) });
    await official.locator('[data-testid="report-photo"][data-status="done"]').waitFor({ timeout: 15_000 });
    await official.getByTestId('wb-action-submit').click();
    await ticketStatus(official, 'resolved');
    await official.getByTestId('wb-ticket-photo').first().waitFor();
  });

  it('the citizen sees the answer and does not agree: the ticket reopens', async () => {
    await citizen.reload();
    await trackStatus(citizen, 'resolved');
    expect(await citizen.getByTestId('track-answer').textContent()).toBe('Đã lập biên bản và buộc tháo dỡ phần xây dựng không phép.');
    await citizen.getByTestId('track-photo').first().waitFor();
    await citizen.getByTestId('track-reject-open').click();
    await citizen.getByTestId('track-reject-input').fill('Công trình vẫn đang tiếp tục xây, chưa tháo dỡ.');
    await citizen.getByTestId('track-reject-submit').click();
    await trackStatus(citizen, 'reopened');
  });

  it('the official resolves again, after a stale version is refused and reloaded', async () => {
    await official.reload();
    await ticketStatus(official, 'reopened');
    const before = await api('GET', `/api/v1/reports/${id}`, { token: wardToken });
    expect(before.body.status).toBe('reopened');
    const stale = await api('POST', `/api/v1/reports/${id}/actions/accept`, {
      token: wardToken,
      json: { version: before.body.version - 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('tickets.stale_version');

    // A colleague accepts the ticket while this official writes the answer: the page was
    // loaded on the older version, so the resolve is refused and the page reloads.
    await official.getByTestId('wb-action-resolve').click();
    await official.getByTestId('wb-action-public').fill('Đã cưỡng chế tháo dỡ toàn bộ phần xây dựng sai phép ngày hôm nay.');
    const colleague = await api('POST', `/api/v1/reports/${id}/actions/accept`, {
      token: wardToken,
      json: { version: before.body.version },
    });
    expect(colleague.status).toBe(200);
    await official.getByTestId('wb-action-submit').click();
    const conflict = official.getByTestId('wb-conflict');
    await conflict.waitFor();
    expect(await conflict.getAttribute('data-kind')).toBe('stale');
    expect(await conflict.textContent()).toBe('Phiếu vừa được cập nhật bởi người khác — tải lại');
    await ticketStatus(official, 'in_progress');
    expect(await official.locator('[data-testid="wb-ticket"]').getAttribute('data-version')).toBe(String(colleague.body.version));

    await official.getByTestId('wb-action-resolve').click();
    await official.getByTestId('wb-action-public').fill('Đã cưỡng chế tháo dỡ toàn bộ phần xây dựng sai phép ngày hôm nay.');
    await official.getByTestId('wb-action-submit').click();
    await ticketStatus(official, 'resolved');
  });

  it('the citizen rates the result 4 and the ticket closes', async () => {
    await citizen.reload();
    await trackStatus(citizen, 'resolved');
    expect(await citizen.getByTestId('track-answer').textContent()).toBe(
      'Đã cưỡng chế tháo dỡ toàn bộ phần xây dựng sai phép ngày hôm nay.',
    );
    await citizen.getByTestId('track-rating-star-4').click();
    await citizen.getByTestId('track-rating-comment').fill('Cảm ơn phường đã xử lý.');
    await citizen.getByTestId('track-rating-submit').click();
    await trackStatus(citizen, 'closed');
    expect(await citizen.getByTestId('track-actions').count()).toBe(0);

    const ticket = await api('GET', `/api/v1/reports/${id}`, { token: wardToken });
    expect(ticket.status).toBe(200);
    expect(ticket.body.status).toBe('closed');
    const types = ticket.body.timeline.map((event: { type: string }) => event.type);
    expect(types).toEqual(
      expect.arrayContaining(['accepted', 'info_requested', 'citizen_replied', 'resolved', 'reopened', 'rated', 'closed']),
    );
    const rated = ticket.body.timeline.find((event: { type: string }) => event.type === 'rated');
    expect(rated.data).toMatchObject({ rating: 4, comment: 'Cảm ơn phường đã xử lý.' });
    const internal = ticket.body.timeline.filter(
      (event: { isPublic: boolean; type: string }) => !event.isPublic && !event.type.startsWith('personal_data_'),
    );
    expect(internal.map((event: { message: string }) => event.message)).toEqual(['Đội trật tự đô thị đã xác nhận có thi công.']);
    expect(ticket.body.photos.length).toBeGreaterThanOrEqual(1);
    const photo = await fetch(`${baseUrl}${ticket.body.photos[0].url}`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');

    // The public view never carries the internal note.
    const tracked = await api('GET', `/api/v1/track/${code}`);
    expect(JSON.stringify(tracked.body)).not.toContain('Đội trật tự đô thị');

    await official.reload();
    await ticketStatus(official, 'closed');
    expect(await official.getByTestId('wb-no-actions').isVisible()).toBe(true);
  });

  it('another ward’s official gets 404 on the ticket and on an action', async () => {
    const saigon = await login('ward.saigon');
    const read = await api('GET', `/api/v1/reports/${id}`, { token: saigon });
    expect(read.status).toBe(404);
    const act = await api('POST', `/api/v1/reports/${id}/actions/reopen`, { token: saigon, json: { version: 1 } });
    expect(act.status).toBe(404);
  });
});
