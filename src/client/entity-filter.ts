import { figure } from '../lib/figures.ts';

/**
 * The filter box of /entities/: narrows the list as the reader types a name in either language,
 * or picks a kind. The list is whole without it; the form stays hidden until this runs.
 */
const form = document.querySelector<HTMLFormElement>('.entity-filter');
const input = document.querySelector<HTMLInputElement>('#entity-filter');
const kind = document.querySelector<HTMLSelectElement>('#entity-kind');
const count = document.querySelector<HTMLElement>('.entity-filter-count');
const items = [...document.querySelectorAll<HTMLLIElement>('.entity-list > li')];

function apply(): void {
  const query = (input?.value ?? '').trim().toLowerCase();
  const wanted = kind?.value ?? '';
  let shown = 0;
  for (const item of items) {
    const match =
      (wanted === '' || item.dataset.kind === wanted) && (query === '' || (item.dataset.names ?? '').includes(query));
    item.hidden = !match;
    if (match) shown++;
  }
  if (count) count.textContent = query === '' && wanted === '' ? '' : `${figure(shown)} of ${figure(items.length)}`;
}

if (form && input && kind) {
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
  });
  input.addEventListener('input', apply);
  kind.addEventListener('change', apply);
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    apply();
  }
}
