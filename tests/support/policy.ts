import type { BrowserContext } from 'playwright-core';
import { expect } from 'vitest';
import { headerPolicy } from '../../src/lib/hosting/csp.ts';
import { axeViolations } from './axe.ts';

interface Violation {
  directive: string;
  blocked: string;
}

/** Has every page of a context record what the Content-Security-Policy blocks (see underPolicy). */
export async function watchPolicy(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: { directive: string; blocked: string }[] = [];
    (window as unknown as { __violations: typeof seen }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push({ directive: event.violatedDirective, blocked: event.blockedURI }),
    );
  });
}

/**
 * A page as a reader gets it, in a colour scheme: served with the site's own policy, which
 * blocks nothing of it, and with no axe violation. The context must be watched (watchPolicy).
 */
export async function expectUnderPolicy(context: BrowserContext, url: string, scheme: 'light' | 'dark'): Promise<void> {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  const path = new URL(url).pathname;
  const response = await page.goto(url);
  expect(response!.status(), path).toBe(200);
  expect(response!.headers()['content-security-policy'], path).toBe(headerPolicy);
  // A search in the URL: checked once its results, filters and offer are on the page.
  if (path === '/search/' && new URL(url).search) {
    await page.waitForFunction(() => /\banswers?\b/.test(document.querySelector('#search-status')?.textContent ?? ''));
  }
  expect(await axeViolations(page), path).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations), path).toEqual(
    [],
  );
  await page.close();
}
