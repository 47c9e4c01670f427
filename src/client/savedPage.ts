/**
 * The /saved/ page's client: lists the papers saved in this browser (the
 * reading list in localStorage, src/lib/readingList/), newest first, each
 * with its title linking to its page, the day it was first listed and a
 * Remove button; and "Download BibTeX", which fetches each saved paper's
 * own page (same origin, a static file), takes the entry its "Cite (BibTeX)"
 * block shows (#bibtex) and downloads them as one `.bib` file.
 *
 * Stored titles are untrusted: every text is inserted as a text node, and
 * links are built from validated slugs only, under the site's base path
 * (`data-base`). Another tab's change (`storage` event) redraws the list.
 */
import { bibFile, BIB_FILE_NAME, movedPaperPage, type FetchedEntry } from '../lib/readingList/bibFile.ts';
import { STORAGE_KEY, withoutPaper, type SavedPaper } from '../lib/readingList/list.ts';
import { newestFirst } from '../lib/readingList/order.ts';
import { problemMessage } from '../lib/readingList/messages.ts';
import { changeStored, readStored, storeMessage, type StorageAccess } from '../lib/readingList/store.ts';
import { routes, withBase } from '../lib/site/routes.ts';
import { formatDay } from '../lib/text/format.ts';

/** localStorage, whose mere access throws where site data is blocked. */
const storage: StorageAccess = () => window.localStorage;

/** Paper pages fetched at once for "Download BibTeX". */
const FETCHES_AT_ONCE = 4;

/** An element with a class and text, made with DOM APIs only. */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  el.append(...children);
  return el;
}

/** A title inside a sentence, as its own bidi island (its bidi controls cannot reorder the sentence). */
const quoted = (title: string): (Node | string)[] => ['“', element('bdi', '', title), '”'];

/** `1 paper`, `3 papers`. */
const papersCount = (n: number) => `${n} ${n === 1 ? 'paper' : 'papers'}`;

/** Runs `task` on every item, `limit` at a time, keeping the items' order in the results. */
async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Starts the reading list inside `root`. */
export function startSavedPage(root: HTMLElement): void {
  const base = root.dataset.base ?? '/';
  const heading = root.querySelector<HTMLElement>('h1')!;
  const count = root.querySelector<HTMLElement>('[data-count]')!;
  const status = root.querySelector<HTMLElement>('[role="status"]')!;
  const empty = root.querySelector<HTMLElement>('[data-empty]')!;
  const list = root.querySelector<HTMLOListElement>('ol.saved-list')!;
  const download = root.querySelector<HTMLButtonElement>('button[data-download]')!;
  const pagePath = (slug: string) => withBase(base, routes.paper(slug));

  /** The papers shown, in their order. */
  let shown: SavedPaper[] = [];

  /** One saved paper: title link, day first listed, and Remove, named "Remove <title>" for screen readers. */
  const item = (paper: SavedPaper): HTMLLIElement => {
    const link = element('a', '', paper.title);
    link.href = pagePath(paper.slug);
    const time = element('time', '', formatDay(paper.day));
    time.dateTime = paper.day;
    const remove = element('button', 'remove', 'Remove', element('span', 'visually-hidden', ' ', element('bdi', '', paper.title)));
    remove.type = 'button';
    const li = element('li', 'saved-item', element('div', 'saved-text', element('h2', 'paper-title', link), element('p', 'meta', 'First listed ', time)), remove);
    li.dataset.slug = paper.slug;
    return li;
  };

  /** The shown item of `slug`. */
  const itemOf = (slug: string) => Array.from(list.children).find((li) => (li as HTMLElement).dataset.slug === slug) as HTMLElement | undefined;

  /**
   * Draws the list as stored now. Unless told otherwise, focus inside the
   * list stays on the same paper's link or button, or goes to the heading
   * when another tab removed that paper.
   */
  const render = (keepFocus = true): void => {
    const focused = keepFocus ? document.activeElement?.closest<HTMLElement>('li.saved-item') : undefined;
    const focus = focused && { slug: focused.dataset.slug ?? '', remove: document.activeElement?.tagName === 'BUTTON' };
    const read = readStored(storage);
    shown = newestFirst(read.papers);
    list.replaceChildren(...shown.map(item));
    list.hidden = shown.length === 0;
    download.hidden = shown.length === 0;
    count.hidden = shown.length === 0;
    count.textContent = `${papersCount(shown.length)} saved in this browser, newest first.`;
    // Nothing saved, and nothing in the way of saving: say how to save papers.
    empty.hidden = shown.length > 0 || !!read.error || read.problem?.kind === 'newer';
    if (read.error) status.textContent = storeMessage(read.error, 'No reading list can be kept here');
    else if (read.problem) status.textContent = problemMessage(read.problem);
    if (focus) {
      const again = itemOf(focus.slug);
      (again?.querySelector<HTMLElement>(focus.remove ? 'button' : 'a') ?? heading).focus();
    }
  };

  list.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button.remove');
    const slug = button?.closest<HTMLElement>('li.saved-item')?.dataset.slug;
    const paper = shown.find((p) => p.slug === slug);
    if (!paper) return;
    const result = changeStored(storage, (papers) => withoutPaper(papers, paper.slug));
    if (!result.ok) {
      status.textContent = storeMessage(result.error, 'Not removed');
      return;
    }
    const index = shown.indexOf(paper);
    render(false);
    status.replaceChildren('Removed ', ...quoted(paper.title), ' from your reading list.');
    // Continue where the removed paper was: the next paper's Remove, else the one before, else the page heading.
    const buttons = list.querySelectorAll<HTMLButtonElement>('button.remove');
    (buttons[index] ?? buttons[index - 1] ?? heading).focus();
  });

  /**
   * The BibTeX entry the paper page at `path` shows, or undefined when the
   * page cannot be fetched or has none. A renamed paper's old page redirects:
   * its new page is fetched instead (one hop).
   */
  const entryOf = async (path: string, hops = 1): Promise<string | undefined> => {
    try {
      const response = await fetch(path, { credentials: 'same-origin' });
      if (!response.ok || new URL(response.url).origin !== location.origin) return undefined;
      // A parsed document runs no script and loads nothing.
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const entry = page.getElementById('bibtex')?.textContent;
      if (entry !== undefined || hops === 0) return entry ?? undefined;
      const refresh = page.querySelector('meta[http-equiv="refresh" i]')?.getAttribute('content');
      const moved = refresh ? movedPaperPage(refresh, new URL(response.url), base) : undefined;
      return moved ? entryOf(moved.pathname, hops - 1) : undefined;
    } catch {
      return undefined;
    }
  };

  let busy = false;
  download.addEventListener('click', async () => {
    const papers = newestFirst(readStored(storage).papers);
    if (busy || papers.length === 0) return;
    busy = true;
    download.setAttribute('aria-disabled', 'true');
    status.textContent = `Getting the BibTeX of ${papersCount(papers.length)}…`;
    try {
      const entries = await mapLimited(papers, FETCHES_AT_ONCE, async (p): Promise<FetchedEntry> => ({ slug: p.slug, entry: await entryOf(pagePath(p.slug)) }));
      const { text, missing } = bibFile(entries, (slug) => new URL(pagePath(slug), location.href).href);
      const file = URL.createObjectURL(new Blob([text], { type: 'application/x-bibtex' }));
      const link = element('a', '');
      link.href = file;
      link.download = BIB_FILE_NAME;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(file), 60_000);
      if (missing.length === 0) {
        status.textContent = `Downloaded ${BIB_FILE_NAME} with the BibTeX of ${papersCount(papers.length)}.`;
      } else {
        const left = papers.filter((p) => missing.includes(p.slug)).flatMap((p, i) => [...(i > 0 ? [', '] : []), ...quoted(p.title)]);
        status.replaceChildren(
          `Downloaded ${BIB_FILE_NAME} with the BibTeX of ${papers.length - missing.length} of ${papersCount(papers.length)}. `,
          `Left out, because ${missing.length === 1 ? 'its page' : 'their pages'} could not be fetched (are you offline?): `,
          ...left,
          `. A comment at the top of the file names ${missing.length === 1 ? 'it' : 'them'}.`,
        );
      }
    } finally {
      busy = false;
      download.removeAttribute('aria-disabled');
    }
  });

  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY || event.key === null) render();
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) render();
  });
  render(false);
}
