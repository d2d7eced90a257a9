import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { api, login } from '../support/api';
import { baseUrl } from '../support/browser';
import { pagePerTest, signIn } from '../support/session';
import { until } from '../support/until';

/**
 * Personal data as Law 91/2025/QH15 requires, through a real browser: a citizen files a report
 * with a photo and recognisable contact details, opens their private link, sees on "My data"
 * what 1022 holds, downloads it as JSON and as a readable page, and asks for erasure; afterwards
 * nothing personal is left on "My data" or the tracking page, and the ticket still counts in the
 * figures. An admin records a request made on the phone and completes it.
 */

const TIMEOUT_MS = 180_000;
const BEN_THANH = 'Phường Bến Thành';

/** A real JPEG, drawn and encoded by the browser itself (the server re-encodes every upload). */
async function makeJpeg(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#1d4ed8';
    context.fillRect(0, 0, 64, 48);
    context.fillStyle = '#facc15';
    context.fillRect(12, 10, 40, 28);
    return canvas.toDataURL('image/jpeg', 0.9).split(',')[1];
  });
  return Buffer.from(base64, 'base64');
}

/** Files a flooding report in Phường Bến Thành through the web form; answers the private link it shows. */
async function fileThroughForm(page: Page, values: { name: string; phone: string; email: string; description: string }): Promise<string> {
  await page.goto(`${baseUrl}/report`);
  await page.getByTestId('report-page').waitFor();
  await page.locator('[data-testid="report-map"][data-ready="true"]').waitFor({ timeout: 60_000 });
  await page.getByTestId('report-category-search').fill('ngap');
  await page.getByTestId('report-category-option-flooding').click();
  for (const select of await page.locator('[data-testid="report-attributes"] select[required]').all()) {
    await select.selectOption({ index: 1 });
  }
  await page.getByTestId('report-place-search').fill('Bến Thành');
  await page.locator('[data-testid="report-place-result"]', { hasText: BEN_THANH }).first().click();
  await page.locator('[data-testid="report-location"][data-status="inside"]').waitFor();
  await page.getByTestId('report-description').fill(values.description);
  await page.getByTestId('report-photo-input').setInputFiles({ name: 'ngap.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(page) });
  await page.locator('[data-testid="report-photo"][data-status="done"]').waitFor();
  await page.getByTestId('report-contact-name').fill(values.name);
  await page.getByTestId('report-contact-phone').fill(values.phone);
  await page.getByTestId('report-contact-email').fill(values.email);
  await page.getByTestId('report-consent').check();
  await page.getByTestId('report-submit').click();
  return (await page.getByTestId('report-reporter-link').textContent())!.trim();
}

/** Clicks a download button and answers the saved file's name and text. */
async function downloadOf(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** Reports filed in Bến Thành in the window, as an admin reads the figures. */
async function receivedInBenThanh(token: string, wardCode: string, from: string, to: string): Promise<number> {
  const query = new URLSearchParams({ from, to, category: 'flooding' });
  const r = await api('GET', `/api/v1/insights/wards/${wardCode}?${query}`, { token });
  expect(r.status).toBe(200);
  return r.body.received as number;
}

describe('personal data in the browser', () => {
  let page: Page;
  pagePerTest(
    { viewport: { width: 1280, height: 900 }, locale: 'vi-VN', reducedMotion: 'reduce', acceptDownloads: true },
    (opened) => (page = opened),
  );

  it(
    'a citizen sees, downloads and erases what 1022 holds about them; the ticket stays, anonymous, in the figures',
    async () => {
      const stamp = Date.now();
      const phone = `09${String(stamp % 100_000_000).padStart(8, '0')}`;
      const email = `du.lieu.${stamp}@example.vn`;
      const name = `Trần Thị Riêng ${stamp}`;
      const description = `Nước ngập tới bậc thềm nhà, cống bị lấp (e2e ${stamp}).`;
      const values = [name, phone, email];
      const adminToken = await login('admin');
      const from = new Date(stamp - 60_000).toISOString();

      const link = await fileThroughForm(page, { name, phone, email, description });
      const code = /\/track\/(HCM-[^#]+)#secret=/.exec(link)![1];

      // The private link: the tracking page offers "My personal data" to the reporter.
      await page.goto(link);
      await page.waitForURL(new RegExp(`/track/${code}$`));
      await page.getByTestId('track-privacy-link').click();
      await page.waitForURL(new RegExp(`/privacy\\?code=${code}$`));
      expect(page.url()).not.toContain('secret');
      await page.getByTestId('privacy-open-link-submit').click();
      await page.getByTestId('privacy-held').waitFor();
      await page.locator(`[data-testid="privacy-record-report"]`, { hasText: code }).waitFor();
      const shown = (await page.getByTestId('privacy-held').textContent())!;
      for (const value of [...values, code, description]) expect(shown).toContain(value);
      expect(await page.getByTestId('privacy-photo').count()).toBe(1);

      // Both downloads hold the values; the token never appears in an address.
      const addresses: string[] = [];
      page.on('request', (request) => addresses.push(request.url()));
      const json = await downloadOf(page, page.getByTestId('privacy-download-json'));
      expect(json.name).toMatch(/\.json$/);
      const parsed = JSON.parse(json.text) as { generatedAt: string; reports: { code: string; personal: Record<string, unknown> }[] };
      const filed = parsed.reports.find((report) => report.code === code)!;
      expect(filed.personal).toMatchObject({ reporter_name: name, reporter_phone: phone, reporter_email: email, description });
      const html = await downloadOf(page, page.getByTestId('privacy-download-html'));
      expect(html.name).toMatch(/\.html$/);
      expect(html.text).toMatch(/<html/i);
      for (const value of [...values, code]) expect(html.text).toContain(value);
      expect(addresses.filter((url) => /my-data/.test(url) && /token|access/i.test(new URL(url).search))).toEqual([]);

      const wardCode = (await api('GET', `/api/v1/track/${code}`)).body.ward.code as string;
      const to = () => new Date(Date.now() + 60_000).toISOString();
      const countedBefore = await until(async () => {
        const count = await receivedInBenThanh(adminToken, wardCode, from, to());
        return count >= 1 ? count : null;
      });

      // Erasure: the dialog says what goes and what stays, then the citizen confirms.
      await page.getByTestId('privacy-erasure-ask').click();
      await page.getByTestId('privacy-erasure-dialog').waitFor();
      expect(await page.getByTestId('privacy-erasure-kept').textContent()).toContain('ẩn danh');
      await page.getByTestId('privacy-erasure-dialog-confirm').click();
      const receipt = page.getByTestId('privacy-erasure-receipt');
      await receipt.waitFor();
      const requestId = (await receipt.getAttribute('data-request-id'))!;
      const afterwards = (await page.getByTestId('privacy-page').textContent())!;
      for (const value of values) expect(afterwards).not.toContain(value);
      // The erasure is carried out (by the worker); its request says when it is done.
      await until(async () => {
        const r = await api('GET', `/api/v1/admin/privacy-requests/${requestId}`, { token: adminToken });
        return r.status === 200 && r.body.status === 'completed';
      }, 60_000);

      // My data holds nothing personal any more: the private link, whose secret the erasure removed, opens nothing.
      await page.goto(`${baseUrl}/privacy?code=${code}`);
      await page.getByTestId('privacy-open-link-submit').click();
      await page.getByTestId('privacy-open-link-error').waitFor();
      expect(await page.getByTestId('privacy-held').count()).toBe(0);
      const again = (await page.getByTestId('privacy-page').textContent())!;
      for (const value of values) expect(again).not.toContain(value);

      // Nor does the e-mail way: the same answer whether or not the address is on record, and no code opens it.
      await page.goto(`${baseUrl}/privacy`);
      await page.getByTestId('privacy-email').fill(email);
      await page.getByTestId('privacy-email-submit').click();
      await page.getByTestId('privacy-code-sent').waitFor();
      // The code field takes the focus for the next step.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('privacy-code');
      await page.getByTestId('privacy-code').fill('12345');
      await page.getByTestId('privacy-code-submit').click();
      expect(await page.getByTestId('privacy-code-error').textContent()).toBe('Mã gồm đúng 6 chữ số.');
      await page.getByTestId('privacy-code').fill('000 000');
      await page.getByTestId('privacy-code-submit').click();
      await page.locator('[data-testid="privacy-code-error"]', { hasText: 'không đúng' }).waitFor();
      expect(await page.getByTestId('privacy-held').count()).toBe(0);

      // The ticket is still there for everyone, without the values.
      await page.goto(`${baseUrl}/track/${code}`);
      await page.getByTestId('track-report').waitFor();
      expect(await page.getByTestId('track-code').textContent()).toBe(code);
      const trackHtml = await page.content();
      for (const value of values) expect(trackHtml).not.toContain(value);

      // And it still counts in the figures.
      expect(await receivedInBenThanh(adminToken, wardCode, from, to())).toBe(countedBefore);
    },
    TIMEOUT_MS,
  );

  it(
    'an admin records a request made on the phone and completes it',
    async () => {
      const phone = `038${String(Date.now() % 10_000_000).padStart(7, '0')}`;
      await signIn(page, 'admin', /\/admin$/);
      await page.getByTestId('admin-home-privacy').click();
      await page.getByTestId('admin-privacy-page').waitFor();

      await page.getByTestId('privacy-request-add').click();
      await page.getByTestId('privacy-request-form').waitFor();
      // The required fields are asked for beside each field before anything is sent.
      await page.getByTestId('privacy-request-submit').click();
      await page.getByTestId('privacy-request-reason-error').waitFor();
      expect(await page.getByTestId('privacy-request-phones-error').textContent()).toBeTruthy();

      await page.getByTestId('privacy-request-kind').selectOption('access');
      await page.getByTestId('privacy-request-channel').selectOption('phone');
      await page.getByTestId('privacy-request-phones').fill(phone);
      await page.getByTestId('privacy-request-identityCheck').fill('Người gọi đọc đúng mã phản ánh và ngày gửi.');
      await page.getByTestId('privacy-request-reason').fill('Người gọi muốn biết tổng đài đang giữ dữ liệu gì về mình.');
      await page.getByTestId('privacy-request-submit').click();
      const created = page.getByTestId('privacy-request-created');
      await created.waitFor();
      const id = (await created.getAttribute('data-id'))!;

      const row = page.locator(`[data-testid="privacy-request-row"][data-id="${id}"]`);
      await row.waitFor();
      expect(await row.getAttribute('data-status')).toBe('received');
      expect(await row.getAttribute('data-overdue')).toBe('false');
      expect(await row.getByTestId('privacy-request-subject').textContent()).toContain(phone);
      // The answer to the caller: everything held about the number, saved from the page.
      const exported = await downloadOf(page, row.getByTestId('privacy-request-export'));
      expect(exported.name).toMatch(/\.json$/);
      expect((JSON.parse(exported.text) as { subject: { phones: string[] } }).subject.phones).toEqual([phone]);
      await row.getByTestId('privacy-request-complete').click();
      await page.getByTestId('privacy-request-confirm-confirm').click();
      await page.locator(`[data-testid="privacy-request-row"][data-id="${id}"][data-status="completed"]`).waitFor();

      const request = await api('GET', `/api/v1/admin/privacy-requests/${id}`, { token: await login('admin') });
      expect(request.status).toBe(200);
      expect(request.body).toMatchObject({ channel: 'phone', kind: 'access', status: 'completed' });
    },
    TIMEOUT_MS,
  );

  it(
    'a call-centre operator records a request made on the phone, and leaves its handling to an admin',
    async () => {
      const phone = `037${String(Date.now() % 10_000_000).padStart(7, '0')}`;
      await signIn(page, 'operator', /\/operator\/call$/);
      await page.getByTestId('nav-admin-privacy').click();
      // The form is the operator's first view; a call is the only channel they record.
      await page.getByTestId('privacy-request-form').waitFor();
      expect(await page.getByTestId('privacy-request-channel').inputValue()).toBe('phone');
      expect(await page.getByTestId('privacy-request-channel').isDisabled()).toBe(true);

      await page.getByTestId('privacy-request-kind').selectOption('erasure');
      await page.getByTestId('privacy-request-phones').fill(phone);
      await page.getByTestId('privacy-request-identityCheck').fill('Đã gọi lại đúng số đã đăng ký.');
      await page.getByTestId('privacy-request-reason').fill('Người gọi yêu cầu xoá số điện thoại của mình.');
      await page.getByTestId('privacy-request-submit').click();
      const id = (await page.getByTestId('privacy-request-created').getAttribute('data-id'))!;
      // Ready for the next call: the form is empty again.
      expect(await page.getByTestId('privacy-request-phones').inputValue()).toBe('');

      const row = page.locator(`[data-testid="privacy-request-row"][data-id="${id}"]`);
      await row.waitFor();
      expect(await row.getAttribute('data-status')).toBe('received');
      expect(await row.getByTestId('privacy-request-complete').count()).toBe(0);
      expect(await row.getByTestId('privacy-request-export').count()).toBe(0);
      const logged = await api('GET', `/api/v1/admin/privacy-requests/${id}`, { token: await login('admin') });
      expect(logged.body).toMatchObject({ kind: 'erasure', channel: 'phone', status: 'received' });
    },
    TIMEOUT_MS,
  );
});
