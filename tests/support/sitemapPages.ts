/** Test helper: pages for the sitemap tests. */

/** Pages in a scrambled order, with numbers that a plain string sort puts elsewhere than a numeric one. */
export function scrambledPages(): { pathname: string }[] {
  const pathnames = ['', 'search/', 'topics/', 'days/2025-03-11/', '/days/2025-03-09/', 'papers/alpha-10/', 'papers/alpha-7/'];
  for (let i = 0; i < 600; i++) pathnames.push(`papers/${['zeta', 'beta', 'émile', 'model'][i % 4]}-${(i * 7919) % 1000}/`);
  return pathnames.map((pathname) => ({ pathname }));
}
