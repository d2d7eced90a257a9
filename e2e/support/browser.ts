import { Browser, chromium } from 'playwright-core';

export const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100';

/** Debian's Chromium, headless, with nothing that reaches for the network on its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // WebGL (MapLibre, deck.gl) through SwiftShader, as there is no GPU.
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}
