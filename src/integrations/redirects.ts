import { existsSync, readFileSync } from 'node:fs';
import { contentPaths } from '../lib/paths.ts';

/**
 * Redirects of answers that moved: `{ "/remarks/<old>/q3/": "/remarks/<new>/q3/" }` in
 * content/redirects.json. Astro writes a redirect page at each old URL.
 */
export function readRedirects(): Record<string, string> {
  const { redirects } = contentPaths();
  if (!existsSync(redirects)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(redirects, 'utf-8'));
  } catch (error) {
    throw new Error(`${redirects}: not valid JSON (${(error as Error).message}). Write {"/old/url/": "/new/url/"}.`, {
      cause: error,
    });
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(
      `${redirects}: expected an object of old URL → new URL, e.g. {"/remarks/en/2019/x/q3/": "/remarks/en/2019/x/q4/"}.`,
    );
  }
  for (const [from, to] of Object.entries(parsed)) {
    if (typeof to !== 'string' || !from.startsWith('/') || !to.startsWith('/')) {
      throw new Error(`${redirects}: "${from}" → ${JSON.stringify(to)}: both must be paths starting with "/".`);
    }
  }
  return parsed as Record<string, string>;
}
