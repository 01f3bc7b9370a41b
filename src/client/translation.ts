/**
 * On a transcript page: the other language's transcript beside this one, exchange by exchange.
 * Each exchange links to its counterpart's answer page (Counterpart.astro), which shows the two
 * side by side without JavaScript; here the reader can have them all at once. The other transcript
 * is fetched when asked for (same site), and each counterpart's turns are placed beside their
 * exchange; nothing of it is in this page's own bytes.
 */
const button = document.querySelector<HTMLButtonElement>('button.show-translation');
/** The reader's choice, kept for the next transcript and a reload. */
const KEPT = 'lectern:translation-beside';
const statusLine = document.querySelector('.translation-status');
let other: Promise<Document> | undefined;

async function load(source: string): Promise<Document> {
  const response = await fetch(source);
  if (!response.ok) throw new Error(`${source} answered ${response.status}`);
  return new DOMParser().parseFromString(await response.text(), 'text/html');
}

/** The button says what it will do, and its pressed state what is shown. */
function mark(control: HTMLButtonElement, pressed: boolean): void {
  control.setAttribute('aria-pressed', String(pressed));
  const label = pressed ? control.dataset.hide : control.dataset.show;
  if (label) control.textContent = label;
}

function keep(pressed: boolean): void {
  try {
    if (pressed) localStorage.setItem(KEPT, '1');
    else localStorage.removeItem(KEPT);
  } catch {
    // Storage may be off (private windows, policies): the choice then lasts for this page.
  }
}

function kept(): boolean {
  try {
    return localStorage.getItem(KEPT) === '1';
  } catch {
    return false;
  }
}

async function show(control: HTMLButtonElement): Promise<void> {
  const shown = control.getAttribute('aria-pressed') === 'true';
  for (const placed of document.querySelectorAll('.counterpart.inline')) placed.remove();
  mark(control, !shown);
  keep(!shown);
  if (shown) return;
  let doc: Document;
  try {
    other ??= load(control.dataset.source!);
    doc = await other;
  } catch {
    other = undefined;
    mark(control, false);
    if (statusLine) statusLine.textContent = control.dataset.failed ?? '';
    return;
  }
  if (statusLine) statusLine.textContent = '';
  for (const ref of document.querySelectorAll<HTMLElement>('.counterpart-ref[data-exchanges]')) {
    const section = document.createElement('section');
    section.className = 'counterpart inline';
    section.lang = doc.documentElement.lang;
    section.setAttribute('aria-label', ref.querySelector('a')?.textContent.trim() ?? '');
    for (const id of (ref.dataset.exchanges ?? '').split(' ').filter(Boolean)) {
      // Only the turns: the other page's ids, headings and controls would clash with this page's.
      for (const turn of doc.querySelectorAll(`#${CSS.escape(id)} > .turn`))
        section.append(document.importNode(turn, true));
    }
    ref.after(section);
  }
}

if (button) {
  button.hidden = false;
  button.addEventListener('click', () => void show(button));
  if (kept()) void show(button);
}

export {};
