/**
 * Share controls beside each answer (src/components/ShareControls.astro): copy its link (with a
 * visible confirmation), the browser's own share sheet where there is one, copy a citation, and a
 * link to the text a reader selects inside an answer (a text fragment, #:~:text=). Without
 * JavaScript the plain share links and the URL field still work; these buttons stay hidden.
 */
import { apa, bibtex } from '../lib/share/citation.ts';
import { citationInput } from './citation-input.ts';
import { networkLinks } from '../lib/share/networks.ts';
import { atOrigin, withOrigin } from './origin.ts';

// What is copied, shared and cited names the address the reader is at (origin.ts).
const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
const built = canonical && new URL(canonical).origin;
if (built && built !== location.origin) {
  for (const field of document.querySelectorAll<HTMLInputElement>('input.share-url'))
    field.value = atOrigin(field.value, location.origin);
  for (const pre of document.querySelectorAll('.cite pre'))
    pre.textContent = withOrigin(pre.textContent, built, location.origin);
}

/**
 * An exchange's own page, at the reader's origin: in a transcript, its "link to this answer"; on
 * its own page, the page. Not written on every exchange: the page already holds it once.
 */
function answerUrl(exchange: HTMLElement): string | undefined {
  const path =
    exchange.querySelector('.exchange-header a.permalink')?.getAttribute('href') ??
    (canonical && new URL(canonical).pathname);
  return path ? new URL(path, location.origin).href : undefined;
}

/**
 * Copies text and says so in `status`. Where the browser refuses the clipboard, `field` (the
 * link's text field, the citation) is selected instead, for the reader to copy.
 */
async function copy(text: string, status: Element | null, message: string, field?: Element | null): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    if (field instanceof HTMLInputElement) field.select();
    else if (field) getSelection()?.selectAllChildren(field);
    return;
  }
  if (status) {
    status.textContent = message;
    setTimeout(() => {
      status.textContent = '';
    }, 4000);
  }
}

/** The question in brief, as a shared link's title: compact controls carry none of their own. */
function questionOf(exchange: HTMLElement | null): string | undefined {
  const text = exchange?.querySelector('.turn.question .text')?.textContent.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const chars = [...text];
  const max = /\p{Script=Han}/u.test(text) ? 50 : 120;
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

// A transcript carries its answers' share menu once (src/components/ShareMenu.astro): one for each.
const menu = document.querySelector<HTMLTemplateElement>('template.share-menu-template');
if (menu)
  for (const exchange of document.querySelectorAll<HTMLElement>('.exchange')) {
    const copy = menu.content.cloneNode(true) as DocumentFragment;
    copy.querySelector('summary')!.id = `${exchange.id}-share`;
    const group = copy.querySelector('.share')!;
    group.removeAttribute('aria-label');
    group.setAttribute('aria-labelledby', `${exchange.id}-share ${exchange.id}-title`);
    const page = exchange.querySelector('.exchange-header a.permalink')?.getAttribute('href');
    if (page) copy.querySelector<HTMLAnchorElement>('.share-more')!.href = `${page}#share`;
    exchange.append(copy);
  }

for (const group of document.querySelectorAll<HTMLElement>('.share')) {
  const exchange = group.closest<HTMLElement>('.exchange');
  const url = exchange && answerUrl(exchange);
  if (!url) continue;
  const title = questionOf(exchange) ?? document.title;
  if (group.dataset.email !== undefined) {
    const list = document.createElement('ul');
    for (const { name, href } of networkLinks(url, title, group.dataset.email)) {
      const item = document.createElement('li');
      item.append(
        Object.assign(document.createElement('a'), {
          href,
          textContent: name,
          target: '_blank',
          rel: 'noopener noreferrer',
        }),
      );
      list.append(item);
    }
    group.querySelector('.native-share')!.after(list);
  }
  const status = group.querySelector('.share-status');
  const copyButton = group.querySelector<HTMLButtonElement>('.copy-link')!;
  copyButton.hidden = false;
  const field = group.querySelector('.share-url');
  copyButton.addEventListener('click', () => void copy(url, status, copyButton.dataset.copied ?? '', field));
  const native = group.querySelector<HTMLButtonElement>('.native-share')!;
  if ('share' in navigator) {
    native.hidden = false;
    native.addEventListener('click', () => void navigator.share({ url, title }).catch(() => undefined));
  }
}

// The citation styles beyond the one in the page (src/components/Cite.astro), built from the page.
for (const cite of document.querySelectorAll<HTMLElement>('.cite[data-exchange]')) {
  const exchange = document.getElementById(cite.dataset.exchange!);
  const answer = exchange && answerUrl(exchange);
  const input = answer && citationInput(cite, document, answer);
  if (!input) continue;
  const written = cite.querySelector('.citation')!;
  for (const [name, text] of [
    ['APA', apa(input)],
    ['BibTeX', bibtex(input)],
  ] as const) {
    const block = written.cloneNode(true) as HTMLElement;
    block.querySelector('.citation-head span')!.textContent = name;
    const button = block.querySelector<HTMLButtonElement>('.copy-citation')!;
    button.textContent = `${button.dataset.copy} ${name}`;
    block.querySelector('pre')!.textContent = text;
    cite.append(block);
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('.copy-citation')) {
  button.hidden = false;
  const pre = button.closest('.citation')?.querySelector('pre');
  const label = button.textContent;
  button.addEventListener('click', () => {
    void copy(pre?.textContent ?? '', button, button.dataset.copied ?? '', pre).then(() =>
      setTimeout(() => {
        button.textContent = label;
      }, 4000),
    );
  });
}

/** A text fragment for a selection: the whole of a short one, its first and last words otherwise. */
function fragment(selected: string): string {
  const enc = (text: string) => encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C');
  const text = selected.replace(/\s+/g, ' ').trim();
  const words = text.split(' ');
  if (text.length <= 80 || words.length < 10) return `#:~:text=${enc(text)}`;
  return `#:~:text=${enc(words.slice(0, 4).join(' '))},${enc(words.slice(-4).join(' '))}`;
}

const selectionButton = Object.assign(document.createElement('button'), {
  type: 'button',
  className: 'link-selection',
  hidden: true,
});
selectionButton.setAttribute('aria-live', 'polite');
document.body.append(selectionButton);
let selectionLink = '';

function onSelection(): void {
  const selection = getSelection();
  const text = selection?.toString().trim() ?? '';
  const node = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).commonAncestorContainer : null;
  const element = node instanceof Element ? node : node?.parentElement;
  const exchange = element?.closest<HTMLElement>('.exchange');
  const answer = exchange && answerUrl(exchange);
  if (!text || !exchange || !answer || !element?.closest('.turn')) {
    selectionButton.hidden = true;
    return;
  }
  selectionLink = `${answer}${fragment(text)}`;
  const box = selection!.getRangeAt(0).getBoundingClientRect();
  const lang = exchange.closest('[lang]')?.getAttribute('lang') ?? 'en';
  selectionButton.textContent = lang.startsWith('zh') ? '复制所选文字的链接' : 'Copy a link to the selected text';
  Object.assign(selectionButton.style, {
    top: `${scrollY + box.bottom + 6}px`,
    left: `${scrollX + Math.max(8, box.left)}px`,
  });
  selectionButton.hidden = false;
}

document.addEventListener('selectionchange', () => {
  clearTimeout(selectionTimer);
  selectionTimer = setTimeout(onSelection, 200);
});
let selectionTimer: ReturnType<typeof setTimeout> | undefined;
selectionButton.addEventListener('mousedown', (event) => {
  event.preventDefault();
});
selectionButton.addEventListener('click', () => {
  const lang = document.documentElement.lang;
  void copy(selectionLink, selectionButton, lang.startsWith('zh') ? '链接已复制' : 'Link copied');
  setTimeout(() => {
    selectionButton.hidden = true;
  }, 1500);
});
