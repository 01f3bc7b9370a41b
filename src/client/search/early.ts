/**
 * The search page's first script, small and loaded in its head: for a search opened from a link
 * (`/search/?q=…`, or the box in every page's header), it starts fetching the two files the
 * search needs first (segments.json and the WebAssembly) as soon as the page is parsed, where
 * the page's script, ten times its size, began them once it had arrived and run: on a phone, a
 * few hundred milliseconds (bench/results/search-vs-stock.md). The page's script takes them over
 * (`claim`); what it never claims is dropped with the page.
 */
import { SEGMENTS_FILE, WASM_FILE } from '../../lib/search/pagefind/entry-files.ts';
import type { Lang } from '../../schemas/transcript.ts';
import { fetchIndexFile } from './index-files.ts';
import { scriptLang } from './url-state.ts';

const started = new Map<string, Promise<ArrayBuffer>>();

/** A file of `lang`'s index fetched early, if it was (once: the caller owns it then). */
export function claim(lang: Lang, path: string): Promise<ArrayBuffer> | undefined {
  const key = `${lang}/${path.replace(/\?.*$/, '')}`;
  const file = started.get(key);
  started.delete(key);
  return file;
}

function start(): void {
  const form = document.querySelector<HTMLFormElement>('#search-form');
  const params = new URLSearchParams(location.search);
  const q = params.get('q')?.trim();
  if (!form || !q) return;
  const bundles = (form.dataset.bundles ?? 'en').split(' ') as Lang[];
  const chosen = params.getAll('lang').filter((lang): lang is Lang => bundles.includes(lang as Lang));
  for (const lang of chosen.length > 0 ? chosen : [scriptLang(q, bundles)]) {
    for (const path of [`${SEGMENTS_FILE}?ts=${Date.now()}`, WASM_FILE]) {
      const file = fetchIndexFile((url) => fetch(url), lang, path);
      // A failure is reported by the search that claims the file.
      file.catch(() => undefined);
      started.set(`${lang}/${path.replace(/\?.*$/, '')}`, file);
    }
  }
}

start();
