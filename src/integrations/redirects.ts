import { existsSync, readFileSync } from 'node:fs';
import { contentPaths } from '../lib/paths.ts';
import { parseRedirects } from '../lib/share/permalink-manifest.ts';

/**
 * Redirects of answers that moved: `{ "/remarks/<old>/q3/": "/remarks/<new>/q3/" }` in
 * content/redirects.json, checked and normalized (parseRedirects). Astro writes a redirect page
 * at each old URL.
 */
export function readRedirects(): Record<string, string> {
  const { redirects } = contentPaths();
  if (!existsSync(redirects)) return {};
  return parseRedirects(readFileSync(redirects, 'utf-8'), redirects);
}
