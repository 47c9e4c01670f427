/**
 * The search page's client: Pagefind's JS API behind a small form with topic
 * and day filters, sorting and shareable deep links
 * (`/search/?q=…&topic=…&day=…&sort=date`). Loaded only on the search page.
 *
 * Pagefind's `meta` and `content` are raw page text and its `excerpt` is
 * HTML, so results are built with DOM APIs and text nodes only: nothing from
 * the index is ever inserted as markup.
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(
    term: string | null,
    o?: { filters?: Record<string, string[]>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] }>;
}

const PAGE_SIZE = 20;

/** Appends Pagefind's excerpt (escaped text with <mark>) as text and <mark> nodes only. */
function appendExcerpt(target: HTMLElement, excerpt: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
  for (const node of Array.from(parsed.body.childNodes)) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      target.append(mark);
    } else {
      target.append(document.createTextNode(node.textContent ?? ''));
    }
  }
}

/** Reads the query state from the URL. */
function readState(): { q: string; topics: string[]; day: string; sort: string } {
  const params = new URLSearchParams(location.search);
  return { q: params.get('q') ?? '', topics: params.getAll('topic'), day: params.get('day') ?? '', sort: params.get('sort') ?? '' };
}

/** Starts the search UI inside `root`. */
export async function startSearch(root: HTMLElement): Promise<void> {
  const base = root.dataset.base ?? '/';
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const topicBox = root.querySelector<HTMLElement>('[data-filter="topic"]')!;
  const topicDetails = root.querySelector<HTMLDetailsElement>('details.topic-filter');
  const daySelect = form.querySelector<HTMLSelectElement>('select[name="day"]')!;
  const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  const status = root.querySelector<HTMLElement>('[role="status"]')!;
  const list = root.querySelector<HTMLOListElement>('ol')!;
  const topicNames = JSON.parse(root.dataset.topics ?? '{}') as Record<string, string>;

  status.textContent = 'Loading search…';
  const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi;
  await pagefind.options({ baseUrl: base, excerptLength: 30 });
  await pagefind.init();

  const state = readState();
  input.value = state.q;
  sortSelect.value = state.sort === 'date' ? 'date' : '';
  for (const box of topicBox.querySelectorAll<HTMLInputElement>('input[name="topic"]')) box.checked = state.topics.includes(box.value);
  daySelect.value = Array.from(daySelect.options).some((o) => o.value === state.day) ? state.day : '';
  // On a phone the topic list would push results off the first screen: fold it unless a topic is chosen.
  if (topicDetails && state.topics.length === 0 && matchMedia('(max-width: 40rem)').matches) topicDetails.open = false;

  let generation = 0;
  const run = async (push: boolean): Promise<void> => {
    const current = ++generation;
    const q = input.value.trim();
    const topics = Array.from(topicBox.querySelectorAll<HTMLInputElement>('input:checked')).map((b) => b.value);
    const day = daySelect.value;
    const sort = sortSelect.value;

    const params = new URLSearchParams();
    if (q) params.set('q', q);
    for (const t of topics) params.append('topic', t);
    if (day) params.set('day', day);
    if (sort) params.set('sort', sort);
    const next = `${location.pathname}${params.size ? `?${params}` : ''}`;
    if (push && next !== `${location.pathname}${location.search}`) history.replaceState(null, '', next);

    if (!q && topics.length === 0 && !day) {
      list.replaceChildren();
      status.textContent = 'Type a word or pick a topic to search the papers.';
      return;
    }
    status.textContent = 'Searching…';
    const filterArg: Record<string, string[]> = {};
    if (topics.length) filterArg.topic = topics;
    if (day) filterArg.day = [day];
    const search = await pagefind.search(q || null, { filters: filterArg, ...(sort === 'date' ? { sort: { date: 'desc' } } : {}) });
    const data = await Promise.all(search.results.slice(0, PAGE_SIZE).map((r) => r.data()));
    if (current !== generation) return;

    list.replaceChildren(
      ...data.map((result) => {
        const item = document.createElement('li');
        item.className = 'search-result';
        const heading = document.createElement('h2');
        heading.className = 'paper-title';
        const link = document.createElement('a');
        link.href = result.url;
        link.textContent = result.meta.title ?? result.url;
        heading.append(link);
        const excerpt = document.createElement('p');
        excerpt.className = 'excerpt';
        appendExcerpt(excerpt, result.excerpt);
        const chips = document.createElement('ul');
        chips.className = 'chips';
        for (const topic of result.filters.topic ?? []) {
          const chip = document.createElement('li');
          const span = document.createElement('span');
          span.className = 'chip';
          span.textContent = topicNames[topic] ?? topic;
          chip.append(span);
          chips.append(chip);
        }
        item.append(heading, excerpt, chips);
        return item;
      }),
    );
    const total = search.results.length;
    status.textContent = total === 0 ? 'No papers found.' : `${total} paper${total === 1 ? '' : 's'} found${total > PAGE_SIZE ? `, showing the first ${PAGE_SIZE}` : ''}.`;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(true), 150);
  });
  form.addEventListener('change', () => void run(true));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(true);
  });
  await run(false);
}
