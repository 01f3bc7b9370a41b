/**
 * The build writes absolute URLs with the address it was given (SITE_URL); a site built without
 * it, or served from another address (a mirror, a preview), would have readers copy and cite an
 * address that is not where they are. In the browser, the page's own origin is the truth.
 */

/** `url` at `origin`: its path, query and fragment kept. Text that is not a URL is left as it is. */
export function atOrigin(url: string, origin: string): string {
  try {
    const parsed = new URL(url);
    return `${origin}${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return url;
  }
}

/** Every occurrence of the URLs under `built` (an origin) in `text`, moved to `origin`. */
export function withOrigin(text: string, built: string, origin: string): string {
  return built === origin ? text : text.split(built).join(origin);
}
