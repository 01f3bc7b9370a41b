import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's chromium by default; LECTERN_CHROME (or CHROME_PATH) points the tests at another
 * Chrome or Chromium. Never a browser download.
 */
export const chromePath = process.env.LECTERN_CHROME ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Headless as root, and quiet: this machine's network is closed to Chrome's own services. */
export const chromeFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromePath, headless: true, args: chromeFlags });
}
