/**
 * A citation's input as an answer's page shows it (src/components/Cite.astro): the transcript's
 * title and facts the page names with `data-cite`, the exchange the citation block names, and the
 * page's address. Nothing of it is repeated in the page for the script's sake.
 */
import type { CitationInput } from '../lib/share/citation.ts';
import type { Lang } from '../schemas/transcript.ts';

export function citationInput(cite: HTMLElement, page: ParentNode, permalink: string): CitationInput | undefined {
  const title = page.querySelector('[data-cite="title"]')?.textContent.trim();
  const facts = page.querySelector('[data-cite="facts"]');
  const date = facts?.querySelector('time')?.getAttribute('datetime');
  const source = facts?.querySelector<HTMLAnchorElement>('a.source')?.getAttribute('href');
  const spokesperson = facts?.querySelector('a.spokesperson')?.textContent.trim();
  const { exchange, n, lang } = cite.dataset;
  if (!title || !date || !source || !exchange || !n || !lang) return undefined;
  return {
    frontmatter: { title, date, lang: lang as Lang, source, ...(spokesperson && { spokesperson }) },
    exchange: { id: exchange, n: Number(n) },
    permalink,
  };
}
