import type { Page } from 'playwright-core';
import { api, login } from '../support/api';
import type { MapHandle } from '../support/map-page';
import { pagePerTest, signIn } from '../support/session';

/**
 * The call-centre console through a real browser, keyboard first: a caller reports a pothole
 * that a citizen already filed, and the operator attaches the call to that ticket instead of
 * opening a second one; then a fresh call files a new ticket with Ctrl+Enter.
 */

const TIMEOUT_MS = 120_000;
const CODE_PATTERN = /^HCM-\d{6}-[2-9A-HJ-NP-Z]{6}$/;
// In Phường Bến Thành, across from the market's west gate.
const POINT = { lat: 10.7725, lng: 106.6981 };

interface CallerReport {
  id: string;
  code: string;
  relation: 'reporter' | 'caller';
}

/** A mobile number nobody has used yet, so the caller's history starts empty. */
async function unusedPhone(token: string): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const phone = `039${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const history = await api<CallerReport[]>('GET', `/api/v1/callers/${phone}/reports`, { token });
    expect(history.status).toBe(200);
    if (history.body.length === 0) return phone;
  }
  throw new Error('no unused phone number found');
}

async function signInAsOperator(page: Page): Promise<void> {
  // The operator's home is the call console.
  await signIn(page, 'operator', /\/operator\/call$/);
  await page.locator('[data-testid="call-map"][data-ready="true"]').waitFor({ timeout: 60_000 });
}

async function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

/** The console moves the focus in the next animation frame: wait (bounded) for it, then assert. */
async function expectFocus(page: Page, testId: string): Promise<void> {
  await page
    .waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, testId, { timeout: 5000 })
    .catch(() => undefined);
  expect(await focusedTestId(page)).toBe(testId);
}

/** Clicks the console's map at a geographic point, bringing it into view first if needed. */
async function clickMapAt(page: Page, point: { lat: number; lng: number }): Promise<void> {
  const map = page.getByTestId('call-map');
  const box = await map.boundingBox();
  if (!box) throw new Error('map has no box');
  const lngLat: [number, number] = [point.lng, point.lat];
  const screen = await page.evaluate((target) => {
    const handle = (globalThis as unknown as { __operatorMap1022: MapHandle }).__operatorMap1022;
    let projected = handle.project(target);
    const canvas = document.querySelector('[data-testid="call-map"] canvas') as HTMLCanvasElement;
    if (projected.x < 20 || projected.y < 20 || projected.x > canvas.clientWidth - 20 || projected.y > canvas.clientHeight - 40) {
      handle.jumpTo({ center: target });
      projected = handle.project(target);
    }
    return projected;
  }, lngLat);
  await page.mouse.click(box.x + screen.x, box.y + screen.y);
}

describe('operator call console in the browser', () => {
  let page: Page;
  let token: string;
  pagePerTest({ viewport: { width: 1440, height: 1000 }, locale: 'vi-VN' }, (opened) => (page = opened));

  beforeAll(async () => {
    token = await login('operator');
  }, TIMEOUT_MS);

  it(
    'attaches a call to the nearby ticket it duplicates instead of opening a new one',
    async () => {
      const runTag = `kiemthu${Date.now().toString(36)}`;
      const arranged = await api('POST', '/api/v1/reports', {
        json: {
          category: 'pothole',
          lat: POINT.lat,
          lng: POINT.lng,
          description: `Ổ gà rất sâu giữa làn xe máy trước cổng Tây chợ Bến Thành, đã có người té ngã ${runTag}`,
        },
      });
      expect(arranged.status).toBe(201);
      const arrangedId: string = arranged.body.id;
      const arrangedCode: string = arranged.body.code;
      expect(arrangedCode).toMatch(CODE_PATTERN);
      const phone = await unusedPhone(token);

      await signInAsOperator(page);
      await expectFocus(page, 'call-phone');

      // Caller first: the number, Enter, and the (empty) history of a new caller.
      await page.keyboard.type(`${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`);
      await page.keyboard.press('Enter');
      await page.locator('[data-testid="caller-history"][data-status="ready"]').waitFor();
      expect(await page.getByTestId('caller-history-item').count()).toBe(0);
      await expectFocus(page, 'call-category');

      // Category by typing without accents; Enter picks the highlighted first match.
      await page.keyboard.type('o ga o voi');
      await page.locator('[data-testid="call-category-option"][data-key="pothole"]').waitFor();
      expect(await page.locator('[data-testid="call-category-option"]').first().getAttribute('data-key')).toBe('pothole');
      await page.keyboard.press('Enter');
      await page.locator('[data-testid="call-category-picked"][data-code="pothole"]').waitFor();
      // Pothole's only question (size) is optional: the focus goes straight on to the ward.
      await expectFocus(page, 'call-ward');

      // Ward by name; Enter picks the first hit and puts the pin at the ward.
      await page.keyboard.type('Bến Thành');
      await page.keyboard.press('Enter');
      await page.locator('[data-testid="call-pin-ward"][data-status="inside"]').waitFor();
      expect(await page.getByTestId('call-pin-ward').getAttribute('data-ward-code')).toBe(arranged.body.ward.code);
      await expectFocus(page, 'call-address');

      // The caller says it is right at the market gate: the operator clicks the map there.
      await clickMapAt(page, POINT);
      await page.waitForFunction(({ lat, lng }) => {
        const pin = document.querySelector('[data-testid="call-map"]')?.getAttribute('data-pin') ?? '';
        const [pinLat, pinLng] = pin.split(',').map(Number);
        return Math.abs(pinLat - lat) < 0.0003 && Math.abs(pinLng - lng) < 0.0003;
      }, POINT);
      await page.locator('[data-testid="call-pin-ward"][data-status="inside"]').waitFor();
      expect(await page.getByTestId('call-pin-ward').textContent()).toContain('Phường Bến Thành');

      await page.getByTestId('call-description').click();
      await page.keyboard.type(`Ổ gà sâu trước cổng Tây chợ Bến Thành, xe máy té ngã ${runTag}`);

      // The arranged ticket is among the live duplicates, with its distance and score.
      const candidate = page.locator(`[data-testid="duplicate-item"][data-code="${arrangedCode}"]`);
      await candidate.waitFor({ timeout: 15_000 });
      expect(await candidate.getByTestId('duplicate-distance').textContent()).toMatch(/^\d+ m$/);
      expect(Number(await candidate.getByTestId('duplicate-score').getAttribute('data-score'))).toBeGreaterThan(0.5);
      expect(await candidate.getByTestId('duplicate-snippet').textContent()).toContain('cổng Tây chợ Bến Thành');

      // Alt+n attaches to the n-th candidate.
      const codes = await page
        .locator('[data-testid="duplicate-item"]')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-code')));
      const rank = codes.indexOf(arrangedCode);
      expect(rank).toBeGreaterThanOrEqual(0);
      if (rank < 9) await page.keyboard.press(`Alt+Digit${rank + 1}`);
      else await candidate.getByTestId('duplicate-attach').click();

      const confirmation = page.getByTestId('call-confirmation');
      await confirmation.waitFor();
      expect(await confirmation.getAttribute('data-kind')).toBe('attached');
      expect(await page.getByTestId('call-confirmation-code').getAttribute('data-code')).toBe(arrangedCode);
      expect((await page.getByTestId('call-confirmation-code').textContent())?.replace(/\s/g, '')).toBe(arrangedCode.replace(/-/g, ''));
      expect(await page.getByTestId('call-confirmation-title').textContent()).toBe('Đã gắn cuộc gọi vào phiếu có sẵn');

      // The call is on the existing ticket, and no second ticket exists for this caller.
      const detail = await api('GET', `/api/v1/reports/${arrangedId}`, { token });
      expect(detail.status).toBe(200);
      const attachedEvents = (detail.body.timeline as { type: string }[]).filter((event) => event.type === 'caller_attached');
      expect(attachedEvents).toHaveLength(1);
      const tracked = await api('GET', `/api/v1/track/${arrangedCode}`);
      expect(tracked.status).toBe(200);
      expect(tracked.body.followerCount).toBeGreaterThanOrEqual(1);
      const history = await api<CallerReport[]>('GET', `/api/v1/callers/${phone}/reports`, { token });
      expect(history.status).toBe(200);
      expect(history.body.map(({ id, relation }) => ({ id, relation }))).toEqual([{ id: arrangedId, relation: 'caller' }]);

      // Esc starts the next call: an empty form with the phone field focused.
      await page.keyboard.press('Escape');
      await page.getByTestId('call-form').waitFor();
      await expectFocus(page, 'call-phone');
      expect(await page.getByTestId('call-phone').inputValue()).toBe('');
    },
    TIMEOUT_MS,
  );

  it(
    'files a new phone ticket with Ctrl+Enter, showing server validation next to its field',
    async () => {
      const phone = await unusedPhone(token);
      await signInAsOperator(page);

      await page.keyboard.type(phone);
      await page.keyboard.press('Enter');
      await page.locator('[data-testid="caller-history"][data-status="ready"]').waitFor();

      // "den duong" finds "Đèn đường hư hỏng".
      await page.keyboard.type('den duong');
      await page.locator('[data-testid="call-category-option"][data-key="street-light"]').waitFor();
      expect(await page.locator('[data-testid="call-category-option"]').first().getAttribute('data-key')).toBe('street-light');
      await page.keyboard.press('Enter');
      await page.locator('[data-testid="call-category-picked"][data-code="street-light"]').waitFor();

      // An address from before the 2025 reform leads to today's ward.
      await page.getByTestId('call-ward').focus();
      await page.keyboard.type('phuong 7 quan 5');
      await page.keyboard.press('Enter');
      await page.locator('[data-testid="call-pin-ward"][data-status="inside"]').waitFor();
      const wardText = await page.getByTestId('call-ward').inputValue();
      expect(wardText).not.toBe('phuong 7 quan 5');
      expect(await page.getByTestId('call-pin-ward').textContent()).toContain(wardText);

      await page.keyboard.type('120 Trần Hưng Đạo');
      await page.keyboard.press('Enter');
      await expectFocus(page, 'call-description');
      await page.keyboard.type('Ba cột đèn đường liên tiếp không sáng từ tối hôm qua, đoạn đường rất tối.');

      // The server refuses a 201-character name; its message appears at the name field.
      await page.getByTestId('call-caller-name').fill('N'.repeat(201));
      await page.keyboard.press('Control+Enter');
      const nameError = page.getByTestId('call-caller-name-error');
      await nameError.waitFor();
      expect((await nameError.textContent())?.length).toBeGreaterThan(0);
      expect(await page.getByTestId('call-caller-name').getAttribute('aria-invalid')).toBe('true');
      expect((await api<CallerReport[]>('GET', `/api/v1/callers/${phone}/reports`, { token })).body).toHaveLength(0);

      await page.getByTestId('call-caller-name').fill('Trần Thị Bích');
      expect(await nameError.count()).toBe(0);
      await page.keyboard.press('Control+Enter');

      const confirmation = page.getByTestId('call-confirmation');
      await confirmation.waitFor();
      expect(await confirmation.getAttribute('data-kind')).toBe('created');
      expect(await page.getByTestId('call-confirmation-title').textContent()).toBe('Đã tạo phiếu phản ánh mới');
      const code = await page.getByTestId('call-confirmation-code').getAttribute('data-code');
      expect(code).toMatch(CODE_PATTERN);

      const history = await api<CallerReport[]>('GET', `/api/v1/callers/${phone}/reports`, { token });
      expect(history.body.map(({ code: reportCode, relation }) => ({ code: reportCode, relation }))).toEqual([
        { code, relation: 'reporter' },
      ]);
      const detail = await api('GET', `/api/v1/reports/${history.body[0].id}`, { token });
      expect(detail.status).toBe(200);
      expect(detail.body.channel).toBe('phone');
      expect(detail.body.category.code).toBe('street-light');
      expect(detail.body.address).toBe('120 Trần Hưng Đạo');
      expect(detail.body.reporter).toMatchObject({ name: 'Trần Thị Bích', phone, hideIdentity: false });

      await page.getByTestId('call-next').click();
      await page.getByTestId('call-form').waitFor();
      await expectFocus(page, 'call-phone');
    },
    TIMEOUT_MS,
  );

  it(
    "acts for a caller without a web link: answers the unit's question and rates the result, on behalf of the reporter",
    async () => {
      const phone = await unusedPhone(token);
      const ward = await login('ward.benthanh');
      const filed = await api('POST', '/api/v1/reports', {
        json: {
          category: 'illegal-construction',
          ...POINT,
          description: `Xây dựng không phép, gọi điện ${Date.now().toString(36)}`,
          channel: 'phone',
          reporter: { phone, hideIdentity: false },
        },
        token,
      });
      expect(filed.status).toBe(201);
      const id: string = filed.body.id;
      for (let i = 0; ; i++) {
        if ((await api('GET', `/api/v1/track/${filed.body.code}`)).body.status === 'assigned') break;
        if (i > 60) throw new Error('not routed');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const version = async () => (await api('GET', `/api/v1/reports/${id}`, { token: ward })).body.version as number;
      expect((await api('POST', `/api/v1/reports/${id}/actions/accept`, { token: ward, json: { version: await version() } })).status).toBe(
        200,
      );
      expect(
        (
          await api('POST', `/api/v1/reports/${id}/actions/request-info`, {
            token: ward,
            json: { version: await version(), publicMessage: 'Xin cho biết số nhà cụ thể' },
          })
        ).status,
      ).toBe(200);

      await signInAsOperator(page);
      await page.keyboard.type(phone);
      await page.keyboard.press('Enter');
      await page.locator(`[data-testid="caller-history-item"][data-id="${id}"]`).click();
      await page.locator('.call-status--waiting_citizen[data-testid="report-detail-status"]').waitFor();
      expect(await page.getByTestId('for-caller-rate').count()).toBe(0);
      await page.getByTestId('for-caller-message').fill('Người gọi cho biết: số nhà 12 Lê Lợi');
      await page.getByTestId('for-caller-reply').click();
      await page.locator('.call-status--in_progress[data-testid="report-detail-status"]').waitFor();
      // Nothing more for the caller to do until the unit answers.
      expect(await page.getByTestId('for-caller').count()).toBe(0);

      expect(
        (
          await api('POST', `/api/v1/reports/${id}/actions/resolve`, {
            token: ward,
            json: { version: await version(), publicMessage: 'Đã đình chỉ thi công' },
          })
        ).status,
      ).toBe(200);
      await page.getByTestId('report-detail-close').click();
      await page.locator(`[data-testid="caller-history-item"][data-id="${id}"]`).click();
      await page.locator('.call-status--resolved[data-testid="report-detail-status"]').waitFor();
      await page.getByTestId('for-caller-rating').selectOption('5');
      await page.getByTestId('for-caller-rate').click();
      await page.locator('.call-status--closed[data-testid="report-detail-status"]').waitFor();

      const view = await api('GET', `/api/v1/reports/${id}`, { token: ward });
      const onBehalf = view.body.timeline
        .filter((e: { data: { onBehalfOf?: string } }) => e.data?.onBehalfOf === 'reporter')
        .map((e: { type: string; actor: { username: string } }) => [e.type, e.actor.username]);
      expect(onBehalf).toEqual([
        ['citizen_replied', 'operator'],
        ['rated', 'operator'],
        ['closed', 'operator'],
      ]);
    },
    TIMEOUT_MS,
  );
});
