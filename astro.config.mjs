// @ts-check
import process from 'node:process';
import { URL } from 'node:url';
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { buildCache } from './src/lib/build-cache.ts';
import { markdownOptions } from './src/plugins/index.ts';
import { buildDataCleanup } from './src/integrations/build-data.ts';
import buildLock from './src/integrations/build-lock.ts';
import devSearch from './src/integrations/dev-search.ts';
import incrementalPages from './src/integrations/incremental-pages.ts';
import pagefind from './src/integrations/pagefind.ts';
import permalinkGuard from './src/integrations/permalink-guard.ts';
import entityAddresses, { movedEntityPaths } from './src/integrations/entity-addresses.ts';
import { readRedirects } from './src/integrations/redirects.ts';
import shareCards from './src/integrations/share-cards.ts';
import { siteUrl, siteUrlCheck } from './src/integrations/site-url.ts';

const redirects = readRedirects();
const redirected = new Set(Object.keys(redirects).map((from) => from.replace(/\/?$/, '/')));

export default defineConfig({
  // The public address the site is served from: canonical URLs and share previews need it.
  site: siteUrl(),
  // Tests and benchmarks build other content folders side by side (see LECTERN_CONTENT in
  // src/content.config.ts); each needs its own output and cache.
  outDir: process.env.LECTERN_OUT ?? './dist',
  cacheDir: buildCache(),
  trailingSlash: 'always',
  markdown: {
    processor: unified(markdownOptions),
    syntaxHighlight: false,
  },
  // No inline style or script anywhere: the site lives under a Content-Security-Policy that allows
  // only its own files (public/_headers).
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  // Answers that moved keep their old address (content/redirects.json).
  redirects,
  // In order: pages of the last build put in place, published links checked, share cards drawn,
  // search index built, entity pages recorded, pages listed for crawlers (pages only: not feeds,
  // data files or the old addresses of moved answers and entities), build data removed.
  integrations: [
    // First: a build waits here for another in this checkout before any other integration starts.
    buildLock(),
    siteUrlCheck(),
    incrementalPages(),
    permalinkGuard(),
    shareCards(),
    pagefind(),
    entityAddresses(),
    sitemap({
      filter: (url) =>
        url.endsWith('/') && !redirected.has(new URL(url).pathname) && !movedEntityPaths.has(new URL(url).pathname),
    }),
    buildDataCleanup(),
    // npm run dev: search against the last build's index.
    devSearch(),
  ],
  devToolbar: { enabled: false },
  // A page whose data (its getStaticPaths cacheKey: src/lib/page-keys.ts) and code are unchanged
  // since the last build is reused from that build's output, kept in the cache folder (linked into
  // place by src/integrations/incremental-pages.ts), rather than rendered: adding one transcript
  // re-renders its pages and its neighbours', not the archive's.
  // It needs build.concurrency at 1, Astro's default.
  experimental: { incrementalBuild: true },
});
