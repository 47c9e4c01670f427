/**
 * "Copy link" and "Copy BibTeX" buttons: progressive enhancement over plain
 * links and text. Without JavaScript the link is an ordinary link to the
 * permanent URL and the BibTeX is selectable text.
 */
for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-copy]')) {
  link.addEventListener('click', async (event) => {
    const text = link.dataset.copy === 'href' ? link.href : (document.getElementById(link.dataset.copy ?? '')?.textContent ?? '');
    if (!navigator.clipboard) return; // fall back to following the link
    event.preventDefault();
    const label = link.textContent;
    try {
      await navigator.clipboard.writeText(text);
      link.textContent = 'Copied';
    } catch {
      link.textContent = 'Press Ctrl+C to copy';
    }
    setTimeout(() => (link.textContent = label), 2000);
  });
}
