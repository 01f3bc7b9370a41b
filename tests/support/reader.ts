import { join } from 'node:path';
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';

/** Links, buttons and fields outside running text that are shorter than a finger (44 px) on a page. */
export function smallTargets(on: Page, extra = ''): Promise<{ text: string; height: number }[]> {
  return on.evaluate(
    (more) =>
      [
        ...document.querySelectorAll(
          `.site-header a, .site-footer a, .transcript-list a, .question-list a, .exchange-steps a, .answer-steps a, .month-jumps a, button, summary, input, select${more}`,
        ),
      ]
        .filter((element) => (element as HTMLElement).offsetParent !== null)
        // A check box is tapped through its label: the label is the target.
        .map((element) =>
          element instanceof HTMLInputElement && element.type === 'checkbox' && element.closest('label')
            ? element.closest('label')!
            : element,
        )
        .map((element) => ({
          text: element.textContent.trim().slice(0, 30),
          height: element.getBoundingClientRect().height,
        }))
        .filter(({ height }) => height > 0 && height < 44),
    extra,
  );
}

/** How far the page scrolls sideways: 0 on a page that fits its screen. */
export function sideways(on: Page): Promise<number> {
  return on.evaluate(() => document.documentElement.scrollWidth - innerWidth);
}

/**
 * Pages as a reader's phone shows them (390 px, touch): no sideways scroll, every target a finger
 * high (`extra`: more selectors to check, as smallTargets takes them), a full-page screenshot
 * of each in `shots` for review, named by its key.
 */
export async function expectReadableOnPhone(
  browser: Browser,
  pages: Record<string, string>,
  extra: string,
  shots: string,
): Promise<void> {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  for (const [name, url] of Object.entries(pages)) {
    const page = await phone.newPage();
    await page.goto(url);
    const path = new URL(url).pathname;
    expect(await sideways(page), path).toBe(0);
    expect(await smallTargets(page, extra), path).toEqual([]);
    await page.screenshot({ path: join(shots, `${name}-phone.png`), fullPage: true });
    await page.close();
  }
  await phone.close();
}
