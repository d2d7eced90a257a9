import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './api';
import { baseUrl, launchBrowser } from './browser';

const LAUNCH_TIMEOUT_MS = 120_000;

/**
 * One Chromium for the describe block this is called in, and a fresh context and page for each
 * of its tests (no cookie, storage or session carries over), handed to `onPage`.
 */
export function pagePerTest(contextOptions: BrowserContextOptions, onPage: (page: Page) => void): void {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  }, LAUNCH_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    context = await browser!.newContext(contextOptions);
    onPage(await context.newPage());
  });

  afterEach(async () => {
    await context?.close();
  });
}

/** Signs a demo user in through the login form and waits for their home page. */
export async function signIn(page: Page, username: string, home: RegExp): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(home);
}

/** Switches the interface to English through the header's language switch and waits until the page shows it. */
export async function switchToEnglish(page: Page): Promise<void> {
  await page.getByTestId('lang-en').click();
  await page.locator('html[lang="en"]').waitFor();
}
