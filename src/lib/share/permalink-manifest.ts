/**
 * The promise a permalink makes: once published, a transcript's or an answer's URL keeps working.
 * The manifest lists every such URL ever published; a build may add to it but never lose one,
 * unless a redirect says where the remark lives now.
 */
export interface PermalinkCheck {
  /** Published URLs that this build would not serve and no redirect covers. */
  missing: string[];
  /** URLs this build publishes for the first time. */
  added: string[];
  /** Redirects whose target this build does not publish. */
  brokenRedirects: [from: string, to: string][];
  /** Redirects from an answer this build still publishes: the redirect would replace the answer. */
  shadowing: string[];
}

export function checkPermalinks(
  published: string[],
  current: string[],
  redirects: Record<string, string>,
): PermalinkCheck {
  const served = new Set(current);
  const known = new Set(published);
  return {
    missing: published.filter((url) => !served.has(url) && !(url in redirects)),
    added: current.filter((url) => !known.has(url)),
    brokenRedirects: Object.entries(redirects).filter(([, to]) => !served.has(to.split('#')[0]!)),
    shadowing: Object.keys(redirects).filter((from) => served.has(from)),
  };
}

/** What is wrong with the redirects a check found: each `redirect from → to: why`, with what to do. */
export function redirectProblems(
  check: Pick<PermalinkCheck, 'brokenRedirects' | 'shadowing'>,
  redirects: Record<string, string>,
): string[] {
  return [
    ...check.shadowing.map(
      (url) =>
        `redirect ${url} → ${redirects[url]!}: ${url} is a page this build publishes; the redirect would replace it. Remove the redirect, or move the remark first.`,
    ),
    ...check.brokenRedirects.map(
      ([from, to]) => `redirect ${from} → ${to}: the target is not a page this build publishes.`,
    ),
  ];
}

/**
 * content/redirects.json read and checked: an object of old path → new path, each a path of this
 * site. Keys are normalized ("/remarks/x/q3" → "/remarks/x/q3/") and confined to the site: no
 * "." or ".." segment (encoded or not), no backslash, no empty segment, nothing but a path — a
 * key is where the build writes a redirect page, and "../" would write outside dist/.
 */
export function parseRedirects(text: string, file: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message}). Write {"/old/url/": "/new/url/"}.`, {
      cause: error,
    });
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(
      `${file}: expected an object of old URL → new URL, e.g. {"/remarks/en/2019/x/q3/": "/remarks/en/2019/x/q4/"}.`,
    );
  }
  const redirects: Record<string, string> = {};
  for (const [from, to] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof to !== 'string')
      throw new Error(`${file}: "${from}" → ${JSON.stringify(to)}: the new URL must be a path.`);
    const key = sitePath(from, file);
    if (key in redirects) throw new Error(`${file}: "${from}" is listed twice (as ${key}).`);
    const [path, hash] = to.split('#', 2) as [string, string | undefined];
    redirects[key] = `${sitePath(path, file)}${hash === undefined ? '' : `#${hash}`}`;
  }
  return redirects;
}

function sitePath(path: string, file: string): string {
  const fail = (why: string) =>
    new Error(`${file}: "${path}": ${why}. Write a path of this site, e.g. "/remarks/en/2019/x/q3/".`);
  if (!path.startsWith('/') || path.startsWith('//'))
    throw fail('not a path of this site (it must start with one "/")');
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (/[\\?#\u0000-\u001f\u007f]/.test(path))
    throw fail('a path may not hold a backslash, "?", "#" or control characters');
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    throw fail('its %-escapes are broken');
  }
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (/[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/.test(decoded))
    throw fail('its %-escapes make a control character (such as %00), which no file name may hold');
  const segments = path.split('/').slice(1);
  if (segments.at(-1) === '') segments.pop();
  const unsafe = (segment: string) => {
    const plain = decodeURIComponent(segment);
    return plain === '' || plain === '.' || plain === '..' || plain.includes('/') || plain.includes('\\');
  };
  if (decoded.includes('\\') || segments.some(unsafe)) throw fail('a path may not hold empty, "." or ".." segments');
  return `/${segments.join('/')}${segments.length > 0 ? '/' : ''}`;
}

/** The manifest file's lines: one URL path a line, in the order first published (`formatManifest`). */
export function parseManifest(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * The manifest as written: its URLs in the order given, once each. New URLs go at the end, in
 * `publicationOrder`, so that the file says in what order the site published its transcripts.
 */
export function formatManifest(urls: string[]): string {
  const header = [
    '# Every transcript and answer URL this site has published, in the order first published. The',
    '# build adds new ones at the end; it fails when one would disappear, unless content/redirects.json',
    '# says where it lives now. The search index reads the order (src/lib/search/records.ts).',
    '# Commit this file.',
  ];
  return `${[...header, ...new Set(urls)].join('\n')}\n`;
}

/** A transcript as the manifest's order knows it: its URL path and its date. */
export interface PublishedTranscript {
  path: string;
  date: string;
}

/**
 * Each transcript's place in the order the site first published it: the line where the manifest
 * first lists it or one of its answers. A transcript the manifest does not list yet comes after all
 * it lists, oldest first (then by path), as the build then appends it (`appendOrder`): a build
 * from nothing and a build after many days give every transcript the same place. Manifests written
 * before transcript URLs were listed place a transcript by its answers.
 */
export function publicationOrder(manifest: string[], transcripts: PublishedTranscript[]): Map<string, number> {
  const dates = new Map<string, string>();
  for (const { path, date } of transcripts) if (!dates.has(path)) dates.set(path, date);
  const order = new Map<string, number>();
  manifest.forEach((url, line) => {
    const path = dates.has(url) ? url : parentPath(url);
    if (dates.has(path) && !order.has(path)) order.set(path, line);
  });
  const fresh = [...dates].filter(([path]) => !order.has(path));
  fresh.sort(([a, dateA], [b, dateB]) => dateA.localeCompare(dateB) || a.localeCompare(b));
  fresh.forEach(([path], i) => order.set(path, manifest.length + i));
  return order;
}

/**
 * The URLs a build publishes for the first time, in the order the manifest lists them: by their
 * transcript's place (`publicationOrder`), a transcript before its answers, answers in their order.
 */
export function appendOrder(added: string[], order: Map<string, number>): string[] {
  const place = (url: string) => order.get(url) ?? order.get(parentPath(url)) ?? Infinity;
  // Stable: answers keep the order the build lists them in.
  return [...added].sort((a, b) => place(a) - place(b) || Number(!order.has(a)) - Number(!order.has(b)));
}

/** The URL one level up: an answer's transcript ("/remarks/en/2019/x/q3/" → "/remarks/en/2019/x/"). */
function parentPath(url: string): string {
  return url.replace(/[^/]+\/$/, '');
}
