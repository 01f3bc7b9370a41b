/**
 * The Content-Security-Policy the site lives under: its own files only. Scripts are the site's
 * modules (no inline script, no eval), plus `'wasm-unsafe-eval'` so that the search page may
 * compile Pagefind's WebAssembly; styles are its stylesheets (no inline style); nothing is loaded
 * from another origin. `public/_headers` sends it as a header, with `frame-ancestors 'none'`,
 * which only a header can carry; every page also carries it in a `<meta>` element, so that hosts
 * that cannot send headers (GitHub Pages) still apply it.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
] as const;

/** Directives a `<meta>` policy may not carry (browsers ignore them there, with a console error). */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"] as const;

export const metaPolicy = CSP_DIRECTIVES.join('; ');
export const headerPolicy = [...CSP_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES].join('; ');
