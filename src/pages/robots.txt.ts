import type { APIRoute } from 'astro';
import { siteOf } from '../lib/site';

/** Every page may be crawled; the sitemap (@astrojs/sitemap, astro.config.mjs) lists them. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap-index.xml', siteOf(site)).href}\n`);
