/**
 * The Save buttons, on every page that has them (list entries, paper pages,
 * search results). The page renders each button `hidden` with what the
 * reading list needs to list the paper (`data-save` slug, `data-title`,
 * `data-day` first listed); this script reveals them, shows whether each
 * paper is saved (`aria-pressed`) and saves or removes it in localStorage
 * (src/lib/readingList/). Nothing is ever sent anywhere.
 *
 * Buttons added later (search results) are found by one click listener on
 * the document; their page sends SAVE_BUTTONS_ADDED so their state is shown.
 * Another tab's change (`storage`) and a page restored from the back/forward
 * cache (`pageshow`) refresh every button.
 *
 * When storage is blocked or full, a message appears right after the button
 * (a `role="status"` region), and the button keeps its state.
 */
import { savedPaper, STORAGE_KEY, withoutPaper, withPaper } from '../lib/readingList/list.ts';
import { changeStored, readStored, storeMessage, type StorageAccess } from '../lib/readingList/store.ts';

/**
 * The event a page dispatches on `document` after adding Save buttons
 * (search.ts writes it out rather than import this module, which would make
 * the storage code a chunk of its own, a second request on every page).
 */
const SAVE_BUTTONS_ADDED = 'reading-list:buttons';

/** localStorage, whose mere access throws where site data is blocked. */
const storage: StorageAccess = () => window.localStorage;

const BUTTONS = 'button[data-save]';

/** Shows every Save button, pressed when its paper is saved. */
function refresh(): void {
  const saved = new Set(readStored(storage).papers.map((p) => p.slug));
  for (const button of document.querySelectorAll<HTMLButtonElement>(BUTTONS)) {
    const pressed = saved.has(button.dataset.save ?? '');
    button.setAttribute('aria-pressed', String(pressed));
    button.title = pressed ? 'In your reading list: press to remove it' : 'Save to your reading list';
    button.hidden = false;
  }
}

/** The latest text of each note, which a note made a moment ago shows once it is in the accessibility tree. */
const noteText = new WeakMap<Element, string>();

/** Shows `text` in the status region after `button` (made on first use), or clears it. */
function note(button: HTMLButtonElement, text: string): void {
  let region = button.nextElementSibling;
  if (!region?.classList.contains('save-note')) {
    if (!text) return;
    region = document.createElement('span');
    region.className = 'save-note';
    region.setAttribute('role', 'status');
    button.after(region);
    // A live region is announced when its text changes, not when it appears with text: fill it a moment later.
    const fresh = region;
    requestAnimationFrame(() => requestAnimationFrame(() => (fresh.textContent = noteText.get(fresh) ?? '')));
  } else region.textContent = text;
  noteText.set(region, text);
}

document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>(BUTTONS);
  if (!button) return;
  const { save: slug, title, day } = button.dataset;
  const paper = savedPaper({ slug, title, day, saved: Date.now() });
  if (!paper) {
    note(button, 'This paper cannot be saved: the page gives it no valid name.');
    return;
  }
  // The state the reader saw decides: a paper shown as saved is removed, any other is saved.
  const remove = button.getAttribute('aria-pressed') === 'true';
  const result = changeStored(storage, (papers) => (remove ? withoutPaper(papers, paper.slug) : withPaper(papers, paper)));
  note(button, result.ok ? '' : storeMessage(result.error, remove ? 'Not removed' : 'Not saved'));
  refresh();
});

window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY || event.key === null) refresh();
});
window.addEventListener('pageshow', (event) => {
  if (event.persisted) refresh();
});
document.addEventListener(SAVE_BUTTONS_ADDED, refresh);
refresh();
