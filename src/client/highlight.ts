/**
 * A search result opens an answer in its transcript as `?hl=terms#q3`: the browser scrolls to the
 * answer; this marks the terms in it. English terms match at the start of words (so "sanction"
 * marks "sanctions"); Chinese terms match as written.
 */
const terms = (new URLSearchParams(location.search).get('hl') ?? '').split(/\s+/).filter((term) => term.length > 0);
const target = location.hash ? document.getElementById(idOfHash(location.hash)) : null;

/** The id a `#hash` names: decoded, or as written where its %-escapes are broken (`#%E0`). */
function idOfHash(hash: string): string {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1);
  }
}

if (terms.length > 0 && target) {
  const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(
    terms.map((term) => (/\p{Script=Han}/u.test(term) ? escape(term) : `\\b${escape(term)}`)).join('|'),
    'giu',
  );
  const walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  for (const node of nodes) {
    const text = node.data;
    pattern.lastIndex = 0;
    if (!pattern.test(text) || node.parentElement?.closest('.label, .exchange-header')) continue;
    pattern.lastIndex = 0;
    const parts = document.createDocumentFragment();
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      parts.append(
        text.slice(last, match.index),
        Object.assign(document.createElement('mark'), { textContent: match[0] }),
      );
      last = match.index + match[0].length;
    }
    parts.append(text.slice(last));
    node.replaceWith(parts);
  }
}
