import type { Browser } from 'playwright-core';
import { launch } from '../../scripts/support/browser.ts';
import { buildSite, type BuildResult } from '../../scripts/support/build.ts';
import { serve } from '../../scripts/support/serve.ts';

export interface Site {
  build: BuildResult;
  /** Where the built site is served on loopback. */
  url: string;
  browser: Browser;
  close: () => Promise<void>;
}

/** Builds a site (from `content`, or the project's own), serves it and starts a browser. */
export async function openSite(content?: string): Promise<Site> {
  const build = await buildSite(content);
  if (build.code !== 0) throw new Error(`build failed:\n${build.output}`);
  const server = await serve(build.outDir);
  const browser = await launch();
  return {
    build,
    url: server.url,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
