/**
 * Small enhancements on every page, none of which the page needs to work:
 * the `/` shortcut that focuses search, the dark-mode toggle (the choice
 * persists in localStorage; without a choice the system setting rules), the
 * copy buttons and the reading list's Save buttons. One script for every
 * page, so browsers fetch it once.
 */
import './copyLink.ts';
import './readingList.ts';

/** True when the key press is meant for a text field. */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
  const field = document.querySelector<HTMLInputElement>('#search-query') ?? document.querySelector<HTMLInputElement>('#site-search');
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.select();
});

const toggle = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
if (toggle) {
  const root = document.documentElement;
  const current = (): 'dark' | 'light' =>
    (root.dataset.theme as 'dark' | 'light' | undefined) ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  const show = () => {
    const dark = current() === 'dark';
    toggle.setAttribute('aria-pressed', String(dark));
    toggle.title = dark ? 'Switch to light mode' : 'Switch to dark mode';
  };
  toggle.hidden = false;
  show();
  toggle.addEventListener('click', () => {
    const next = current() === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem('theme', next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    show();
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', show);
}
