/**
 * The promise a permalink makes: once published, an answer's URL keeps working. The manifest lists
 * every answer URL ever published; a build may add to it but never lose one, unless a redirect says
 * where the answer lives now.
 */
export interface PermalinkCheck {
  /** Published URLs that this build would not serve and no redirect covers. */
  missing: string[];
  /** URLs this build publishes for the first time. */
  added: string[];
  /** Redirects whose target this build does not publish. */
  brokenRedirects: [from: string, to: string][];
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
  };
}

/** The manifest file's lines: one URL path a line, sorted, so that its diffs read well. */
export function parseManifest(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

export function formatManifest(urls: string[]): string {
  const header = [
    '# Every answer URL this site has published. The build adds new ones; it fails when one would',
    '# disappear, unless content/redirects.json says where that answer lives now. Commit this file.',
  ];
  return `${[...header, ...[...new Set(urls)].sort()].join('\n')}\n`;
}
