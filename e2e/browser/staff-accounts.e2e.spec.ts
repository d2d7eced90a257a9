import { generateSync } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api, login } from '../support/api';
import { baseUrl, launchBrowser } from '../support/browser';
import { signIn } from '../support/session';

/**
 * A staff account's life through a real browser, on a server whose MFA_REQUIRED_ROLES names ward
 * officials (scripts/test.mjs; the demo accounts stay exempt): the admin creates a ward
 * official → the official's first sign-in makes them choose a password and enrol an
 * authenticator app (codes computed here from the secret the page shows) → they see their unit's
 * queue → the admin disables the account → the official's next request is refused within 60 s
 * (invariant 7), and a reload signs them out.
 */

const TIMEOUT_MS = 180_000;
const REFUSAL_BOUND_MS = 60_000;
const run = Date.now().toString(36);
const USERNAME = `ward.e2e.${run}`;
const NEW_PASSWORD = `Chợ Bến Thành mở cửa sớm ${run}`;

describe('staff account lifecycle in the browser (second factor required for ward officials)', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'vi-VN' });
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  }, TIMEOUT_MS);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  it(
    'admin creates a ward official → password and TOTP at first sign-in → queue → disabled → refused within 60 s',
    async () => {
      const token = await login('admin');
      const units = await api<{ id: string; code: string; name: string }[]>('GET', '/api/v1/units', { token });
      const ward = units.body.find((u) => u.code === 'UBND-26743')!;
      expect(ward.name).toBe('UBND Phường Bến Thành');

      // The admin creates the account in the staff page and reads the temporary password once.
      const admin = await newPage();
      await signIn(admin, 'admin', /\/admin$/);
      await admin.getByTestId('admin-home-users').click();
      await admin.getByTestId('admin-users-page').waitFor();
      await admin.getByTestId('staff-add').click();
      await admin.getByTestId('staff-username').fill(USERNAME);
      await admin.getByTestId('staff-fullName').fill('Phan Thị E2E');
      await admin.getByTestId('staff-role').selectOption('ward_official');
      await admin.waitForFunction(() => (document.querySelector<HTMLSelectElement>('[data-testid="staff-unit"]')?.options.length ?? 0) > 1);
      await admin.getByTestId('staff-unit').selectOption(ward.id);
      await admin.getByTestId('staff-submit').click();
      const temporary = (await admin.getByTestId('staff-temporary-password').textContent())!.trim();
      expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      await admin.getByTestId('staff-search').fill(USERNAME);
      await admin.getByTestId(`staff-row-${USERNAME}`).waitFor();

      // First sign-in: a password of their own (the rule is on the form), then the authenticator app.
      const official = await newPage();
      await official.goto(`${baseUrl}/login`);
      await official.getByTestId('login-username').fill(USERNAME);
      await official.getByTestId('login-password').fill(temporary);
      await official.getByTestId('login-submit').click();
      await official.getByTestId('account-setup-password').waitFor();
      expect(await official.getByTestId('password-rule').textContent()).toContain('12');
      await official.getByTestId('setup-current-password').fill(temporary);
      await official.getByTestId('setup-new-password').fill('matkhau12345');
      await official.getByTestId('setup-repeat-password').fill('matkhau12345');
      await official.getByTestId('setup-password-submit').click();
      await official.getByTestId('setup-error').waitFor(); // too easy to guess: refused, with the reason
      await official.getByTestId('setup-new-password').fill(NEW_PASSWORD);
      await official.getByTestId('setup-repeat-password').fill(NEW_PASSWORD);
      await official.getByTestId('setup-password-submit').click();

      await official.getByTestId('account-setup-second-factor').waitFor();
      await official.getByTestId('totp-start').click();
      const secret = (await official.getByTestId('totp-secret').textContent())!.trim();
      expect(await official.getByTestId('totp-qr').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      await official.getByTestId('totp-code').fill(generateSync({ secret }));
      await official.getByTestId('totp-confirm').click();
      await official.getByTestId('recovery-codes').waitFor();
      const recoveryCodes = await official.getByTestId('recovery-codes').locator('li').allTextContents();
      expect(recoveryCodes).toHaveLength(10);
      await official.getByTestId('recovery-codes-done').click();

      // Their unit's queue.
      await official.getByTestId('workbench-page').waitFor();
      await official.waitForURL(/\/workbench/);
      expect(await official.getByTestId('wb-unit').textContent()).toContain('Bến Thành');

      // A second device signs in with the password and a recovery code (the app's code of this
      // step is spent); "my sessions" then lists both, this one marked.
      const second = await newPage();
      await second.goto(`${baseUrl}/login`);
      await second.getByTestId('login-username').fill(USERNAME);
      await second.getByTestId('login-password').fill(NEW_PASSWORD);
      await second.getByTestId('login-submit').click();
      await second.getByTestId('login-code').fill(recoveryCodes[0].trim());
      await second.getByTestId('login-code-submit').click();
      await second.getByTestId('workbench-page').waitFor();
      await second.getByTestId('nav-sessions').click();
      await second.getByTestId('sessions-table').waitFor();
      expect(await second.getByTestId('session-row').count()).toBe(2);
      expect(await second.locator('[data-testid="session-row"] .admin-badge--current').count()).toBe(1);

      // The admin disables the account.
      await admin.getByTestId(`staff-row-${USERNAME}`).getByTestId('staff-disable').click();
      await admin.getByTestId('staff-confirm-confirm').click();
      await admin.waitForFunction(
        (name) => document.querySelector(`[data-testid="staff-row-${name}"] [data-testid="staff-enable"]`) !== null,
        USERNAME,
      );
      const disabledAt = Date.now();

      // The official's next request, with the token the page holds, is refused within the bound.
      const ask = () =>
        official.evaluate(async () => {
          const stored = JSON.parse(sessionStorage.getItem('session1022') ?? '{}') as { accessToken?: string };
          const res = await fetch('/api/v1/units', { headers: { authorization: `Bearer ${stored.accessToken}` } });
          return { status: res.status, code: res.status === 200 ? null : ((await res.json()) as { code: string }).code };
        });
      let answer = await ask();
      while (answer.status === 200 && Date.now() - disabledAt < REFUSAL_BOUND_MS) {
        await official.waitForTimeout(1_000);
        answer = await ask();
      }
      expect(answer).toEqual({ status: 401, code: 'auth.session_ended' });
      expect(Date.now() - disabledAt).toBeLessThan(REFUSAL_BOUND_MS);

      expect(
        await second.evaluate(async () => {
          const stored = JSON.parse(sessionStorage.getItem('session1022') ?? '{}') as { accessToken?: string };
          return (await fetch('/api/v1/auth/me', { headers: { authorization: `Bearer ${stored.accessToken}` } })).status;
        }),
      ).toBe(401);

      // The page's own next request is refused too, and the page signs out; the account cannot sign in again.
      await official.getByTestId('wb-refresh').click();
      await official.waitForURL(/\/login/);
      const again = await api('POST', '/api/v1/auth/login', { json: { username: USERNAME, password: NEW_PASSWORD } });
      expect(again.status).toBe(401);
    },
    TIMEOUT_MS,
  );
});
