import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { allFeeds, type Feed, feedPath } from '../../lib/feeds';
import { siteOf } from '../../lib/site';
import { xmlText } from '../../lib/transcript/characters';

/** Every feed of the site (src/lib/feeds.ts), at /feeds/<key>.xml. */
export const getStaticPaths = (async () =>
  (await allFeeds()).map((feed) => ({ params: { feed: feed.key }, props: { feed } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ feed: Feed }> = async ({ props: { feed }, site }) => {
  const url = siteOf(site);
  const self = new URL(feed.self ?? feedPath(feed.key), url).href;
  const { newest } = feed;
  const response = await rss({
    title: feed.title,
    description: feed.description,
    site: new URL(feed.page, url).href,
    trailingSlash: true,
    // Opened in a browser, the feed shows its entries as a page (public/feeds/feed.css: CSS, which
    // the site's policy allows, where XSLT's output would be blocked).
    stylesheet: '/feeds/feed.css',
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: [
      `<atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
      feed.language ? `<language>${feed.language}</language>` : '',
      // The newest entry's day, not the build's: two builds of the same content give the same bytes.
      newest ? `<lastBuildDate>${new Date(`${newest}T00:00:00Z`).toUTCString()}</lastBuildDate>` : '',
    ].join(''),
    items: feed.items(url),
  });
  // The loader refuses control characters; this holds the feed well-formed whatever reaches it.
  return new Response(xmlText(await response.text()), { headers: response.headers });
};
