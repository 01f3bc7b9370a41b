// @ts-check
import process from 'node:process';
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import { markdownOptions } from './src/plugins/index.ts';
import { buildDataCleanup } from './src/integrations/build-data.ts';
import pagefind from './src/integrations/pagefind.ts';
import permalinks from './src/integrations/permalinks.ts';
import { readRedirects } from './src/integrations/redirects.ts';
import shareCards from './src/integrations/share-cards.ts';

// The public address the site is served from: canonical URLs and share previews need it.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  // Tests and benchmarks build other content folders side by side (see LECTERN_CONTENT in
  // src/content.config.ts); each needs its own output and content cache.
  outDir: process.env.LECTERN_OUT ?? './dist',
  cacheDir: process.env.LECTERN_CACHE ?? './node_modules/.astro',
  trailingSlash: 'always',
  markdown: {
    processor: unified(markdownOptions),
    syntaxHighlight: false,
  },
  build: { format: 'directory' },
  // Answers that moved keep their old address (content/redirects.json).
  redirects: readRedirects(),
  // In order: published links checked, share cards drawn, search index built, build data removed.
  integrations: [permalinks(), shareCards(), pagefind(), buildDataCleanup()],
  devToolbar: { enabled: false },
});
