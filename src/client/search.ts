/**
 * The search page's client: Pagefind's JS API behind a small form with topic
 * and day filters, sorting and shareable deep links
 * (`/search/?q=…&topic=…&day=…&sort=date`). Loaded only on the search page.
 *
 * A search shows its first PAGE_SIZE results; "Show more results" appends the
 * next PAGE_SIZE. Each result's `data()` downloads one fragment file, so only
 * the results shown are ever fetched. After "show more", focus moves to the
 * first added result's link so keyboard and screen-reader users continue
 * where the new results begin.
 *
 * "Newest first" is not a Pagefind sort key (that would add a permutation of
 * every paper to the metadata each search downloads): the first date-sorted
 * search fetches `pagefind/newest-first.json` (src/lib/build/newestFirst.ts)
 * and orders the results by the day each paper was first listed, keeping
 * Pagefind's relevance order within a day.
 *
 * Pagefind's `meta` and `content` are raw page text, so results are built
 * with DOM APIs and text nodes only: nothing from the index is ever inserted
 * as markup. The excerpt is made here from the abstract (excerpt.ts), not
 * Pagefind's, which would often repeat the title shown above it.
 */

import { abstractExcerpt } from '../lib/search/excerpt.ts';
import { byNewest, NEWEST_FIRST_FILE, type NewestFirst } from '../lib/search/newestFirst.ts';
import { searchQuery } from '../lib/search/query.ts';

interface PagefindResultData {
  url: string;
  /** The page's text, unescaped. */
  raw_content?: string;
  /** Word positions of the matches. */
  locations: number[];
  anchors?: { id?: string; location: number }[];
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, o?: { filters?: Record<string, string[]> }): Promise<{ results: PagefindResult[] }>;
}
interface PagefindResult {
  id: string;
  /** Downloads the result's fragment file (one request per result). */
  data(): Promise<PagefindResultData>;
}

/** Results shown at first, and added by each "Show more results". */
const PAGE_SIZE = 10;

/** Words in a result's excerpt. */
const EXCERPT_WORDS = 30;

/** Appends the result's excerpt of its abstract (excerpt.ts) as text and <mark> nodes only. */
function appendExcerpt(target: HTMLElement, result: PagefindResultData): void {
  for (const part of abstractExcerpt({ content: result.raw_content ?? '', locations: result.locations, anchors: result.anchors ?? [] }, EXCERPT_WORDS)) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      target.append(mark);
    } else {
      target.append(document.createTextNode(part.text));
    }
  }
}

/**
 * The hidden Save button of a result (src/client/readingList.ts shows it):
 * the paper's slug from its URL under `base`, its title, and the first of
 * its listing days. None when the result is not a paper page.
 */
function saveButton(result: PagefindResultData, base: string): HTMLButtonElement | undefined {
  const prefix = `${base.replace(/\/?$/, '/')}papers/`;
  const path = new URL(result.url, location.href).pathname;
  const days = result.filters.day ?? [];
  if (!path.startsWith(prefix) || !path.endsWith('/') || days.length === 0 || !result.meta.title) return undefined;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'save';
  button.dataset.save = path.slice(prefix.length, -1);
  button.dataset.title = result.meta.title;
  button.dataset.day = days.reduce((a, b) => (b < a ? b : a));
  button.hidden = true;
  button.textContent = 'Save';
  return button;
}

/** Tells the site script (src/client/readingList.ts, SAVE_BUTTONS_ADDED) that Save buttons were added, so it shows them. */
function announceSaveButtons(): void {
  document.dispatchEvent(new Event('reading-list:buttons'));
}

/** One result as a list item: a title link, the excerpt, topic chips and a Save button, from text nodes only. */
function renderResult(result: PagefindResultData, topicNames: Record<string, string>, base: string): HTMLLIElement {
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
  appendExcerpt(excerpt, result);
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
  const save = saveButton(result, base);
  if (save) item.append(save);
  return item;
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
  const more = root.querySelector<HTMLButtonElement>('button.search-more')!;
  const topicNames = JSON.parse(root.dataset.topics ?? '{}') as Record<string, string>;

  status.textContent = 'Loading search…';
  const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi;
  // No worker: searching 10k papers takes milliseconds on the main thread, and the worker script is 13 kB more to fetch.
  await pagefind.options({ baseUrl: base, excerptLength: EXCERPT_WORDS, noWorker: true });
  await pagefind.init();
  /** The newest-first order, fetched by the first search sorted by date. */
  let newestFirst: Promise<NewestFirst> | undefined;
  const loadNewestFirst = (): Promise<NewestFirst> => {
    newestFirst ??= fetch(`${base}pagefind/${NEWEST_FIRST_FILE}`, { cache: 'no-cache' }).then((response) => {
      if (!response.ok) throw new Error(`newest-first order: HTTP ${response.status}`);
      return response.json() as Promise<NewestFirst>;
    });
    // A failed fetch is tried again by the next search.
    newestFirst.catch(() => (newestFirst = undefined));
    return newestFirst;
  };

  const state = readState();
  input.value = state.q;
  sortSelect.value = state.sort === 'date' ? 'date' : '';
  for (const box of topicBox.querySelectorAll<HTMLInputElement>('input[name="topic"]')) box.checked = state.topics.includes(box.value);
  daySelect.value = Array.from(daySelect.options).some((o) => o.value === state.day) ? state.day : '';
  // On a phone the topic list would push results off the first screen: fold it unless a topic is chosen.
  if (topicDetails && state.topics.length === 0 && matchMedia('(max-width: 40rem)').matches) topicDetails.open = false;

  /** Bumped by every new search, so a slower earlier search or "show more" never overwrites a newer one. */
  let generation = 0;
  /** The current search's results (not yet fetched), and how many of them are shown. */
  let found: PagefindResult[] = [];
  let shown = 0;
  /** True while "show more" fetches its fragments, so a double click adds one page only. */
  let loadingMore = false;

  /** Says how many papers were found and shown, and offers "show more" only when there are more. */
  const report = (): void => {
    const total = found.length;
    const papers = `${total} paper${total === 1 ? '' : 's'} found`;
    if (total === 0) status.textContent = 'No papers found.';
    else if (total <= PAGE_SIZE) status.textContent = `${papers}.`;
    else if (shown < total) status.textContent = `${papers}, showing ${shown}.`;
    else status.textContent = `${papers}, showing all ${total}.`;
    more.hidden = shown >= total;
  };

  /** Fetches the next page of the current search's results; null when a newer search started meanwhile. */
  const nextPage = async (current: number): Promise<HTMLLIElement[] | null> => {
    const data = await Promise.all(found.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
    if (current !== generation) return null;
    shown += data.length;
    return data.map((result) => renderResult(result, topicNames, base));
  };

  const run = async (push: boolean): Promise<void> => {
    const current = ++generation;
    loadingMore = false;
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

    more.hidden = true;
    if (!q && topics.length === 0 && !day) {
      found = [];
      shown = 0;
      list.replaceChildren();
      status.textContent = 'Type a word or pick a topic to search the papers.';
      return;
    }
    status.textContent = 'Searching…';
    const filterArg: Record<string, string[]> = {};
    if (topics.length) filterArg.topic = topics;
    if (day) filterArg.day = [day];
    // Without the order (a failed fetch), the results stay in relevance order and the status says so.
    const [search, order] = await Promise.all([pagefind.search(q ? searchQuery(q) : null, { filters: filterArg }), sort === 'date' ? loadNewestFirst().catch(() => null) : undefined]);
    if (current !== generation) return;
    // A new search starts again from its first page.
    found = order ? byNewest(search.results, order) : search.results;
    shown = 0;
    const items = await nextPage(current);
    if (!items) return;
    list.replaceChildren(...items);
    announceSaveButtons();
    report();
    if (order === null) status.textContent += ' Sorting by date is not available right now; best matches come first.';
  };

  more.addEventListener('click', () => {
    if (loadingMore || shown >= found.length) return;
    loadingMore = true;
    const current = generation;
    void nextPage(current)
      .then((items) => {
        if (!items) return;
        list.append(...items);
        announceSaveButtons();
        // Continue where the new results begin, rather than on a button that may now be hidden.
        items[0]?.querySelector('a')?.focus();
        report();
      })
      .finally(() => {
        if (current === generation) loadingMore = false;
      });
  });

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
