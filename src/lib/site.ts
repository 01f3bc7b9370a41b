/** The site's public address as Astro hands it to a page or endpoint (astro.config.mjs always sets one, from SITE_URL). */
export function siteOf(site: URL | undefined): URL {
  if (!site)
    throw new Error('astro.config.mjs sets no `site`: feeds, open data and canonical links need the public address');
  return site;
}
