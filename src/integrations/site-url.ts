import process from 'node:process';
import type { AstroIntegration } from 'astro';

/** Where `astro dev`, `astro preview` and the tests serve the site. */
export const LOCAL_SITE = 'http://localhost:4321';

/**
 * The public address the site is built for, from SITE_URL: canonical links, `og:url`, share
 * cards' addresses, share links and citations all carry it. A malformed value fails the build at
 * once; none at all builds for localhost, which is right for `npm start` and the tests and wrong
 * for anything deployed, so a build without it says so (siteUrlCheck).
 */
export function siteUrl(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.SITE_URL?.trim();
  if (!value) return LOCAL_SITE;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `SITE_URL="${value}" is not a URL: give the public address, e.g. SITE_URL=https://remarks.example.org`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE_URL="${value}" must start with https:// (or http://)`);
  }
  // Every link of the site starts at the root ("/remarks/…"); served under a folder, all would break.
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(
      `SITE_URL="${value}" has a path: the site must be served at the root of its domain (a custom domain, or a <user>.github.io repository on GitHub Pages). Give just the address, e.g. https://remarks.example.org`,
    );
  }
  return url.href;
}

/** Warns, at the start of every build without SITE_URL, what a deployed copy would get wrong. */
export function siteUrlCheck(): AstroIntegration {
  return {
    name: 'lectern-site-url',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (process.env.SITE_URL?.trim()) return;
        logger.warn(
          `SITE_URL is not set: this build's canonical links, og:url, share-card (og:image) addresses, share links, citations, feeds, the sitemap, robots.txt and the open data's links all point at ${LOCAL_SITE}. ` +
            'Fine for npm start and the tests; to deploy, build with SITE_URL=https://your.public.address npm run build.',
        );
      },
    },
  };
}
