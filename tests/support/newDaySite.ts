/**
 * The shared new-day site: the seed plus two later days and an owner's note,
 * built once per run by the global setup (tests/support/globalSetup.ts) and
 * read by every test of new days. Everything those tests need is in it:
 *
 * - 2025-03-12: a title that collides with a seed paper's slug, the seed's
 *   LeanDojo paper listed again, and a new paper (permanent URLs);
 * - 2025-03-13, the newest day, so its listing is the home page:
 *   1. the hostile papers of tests/support/hostileListing.ts (trust),
 *   2. new papers and seed papers listed again (feeds over time, search
 *      filters and date sort),
 *   3. a second colliding title and a new paper (permanent URLs),
 *   4. random titles and abstracts built from hostile pieces (the trust
 *      property, tests/site/build/renderProperty.test.ts);
 * - a note appended to one seed paper (notes, and the incremental rebuild
 *   that must give this site's bytes).
 *
 * The definitions are read by the global setup (to build) and by the tests
 * (to know what to expect), so everything here is deterministic.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { cleanText } from '../../src/lib/listing/parse.ts';
import { cleanArtefacts } from '../../src/lib/text/artefacts.ts';
import { type FixtureOptions, type ListedPaper, listingText, projectRoot } from './fixtureSite.ts';
import { hostilePapers } from './hostileListing.ts';
import { readPaperSources } from './siteFiles.ts';

/** The day after the seed's. */
export const SECOND_DAY = '2025-03-12';
/** The newest day. */
export const NEW_DAY = '2025-03-13';

const seed = readPaperSources(join(projectRoot, 'content'));
/** A seed paper, as a listing would give it again. */
function seedPaper(slug: string): ListedPaper & { slug: string; firstSeen: string } {
  const paper = seed.find((p) => p.slug === slug);
  if (!paper) throw new Error(`no seed paper ${slug}`);
  return { slug, title: paper.title, abstract: paper.abstract, firstSeen: paper.firstSeen };
}

// Permanent URLs (tests/site/build/link.test.ts).

/** The seed paper whose title later titles collide with. */
export const LEANDOJO = seedPaper('leandojo-theorem-proving-with-retrieval-augmented-language-models');
/** A different paper on the second day whose title slugifies like LeanDojo's: it gets `-2`. */
export const LEANDOJO_2 = { title: 'LeanDojo: theorem proving with retrieval-augmented language models?', abstract: 'A different paper whose title collides with a seed paper when slugified.' };
/** Another one on the new day: it gets `-3`. */
export const LEANDOJO_3 = { title: 'LEANDOJO! THEOREM PROVING WITH RETRIEVAL AUGMENTED LANGUAGE MODELS', abstract: 'Yet another colliding title, in capitals (case alone would make it the same paper: its punctuation differs).' };

// Feeds over time (tests/site/feeds/new-day.test.ts) and search (tests/site/browser/reading.test.ts).

/** New papers of the new day, in rank order: one about language models, one about diffusion, one about agents. */
export const ZEBRA = { title: 'Zebra Transformers for Striped Language Modeling', abstract: 'We train striped language models on zebra crossings and report new results.' };
export const NUMBAT = { title: 'Numbat Diffusion: Smiling Image Generation', abstract: 'We propose a diffusion sampler that only draws smiling numbats, and measure how often they smile.' };
export const BILBY = { title: 'Bilby Agents Plan Burrows', abstract: 'Reasoning agents plan underground burrows with reinforcement learning and a planner.' };
/** Seed papers the new day lists again: one about language models, one about diffusion (Generative Models). */
export const PROMPTING = seedPaper('prompting-is-programming-a-query-language-for-large-language-models');
export const DISTILLATION = seedPaper('multi-student-diffusion-distillation-for-better-one-step-generators');

// The trust property (tests/site/build/renderProperty.test.ts).

/** Pieces of text that mean something to Markdown, MDX, HTML, YAML, JavaScript or TeX. */
const PIECES = [
  'import x from "y"', 'export const a = 1', '{process.exit(1)}', '{/* c */}', '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>', '</p><script>', '<!-- c -->', '---', '# h', '> q', '1. item', '- b', '`code`',
  '```', '$\\frac{a}{b}$', '$x^2$', '[l](javascript:alert(1))', 'javascript:alert(1)', 'key: value', '!!js/function',
  '&amp;', '&lt;b&gt;', '&#60;i&#62;', '&quot;', '"', "'", '\\', '{', '}', '<', '>', '&', '%', '@', '|', '*', '_',
  'https://github.com/x/y', '{https://example.org/a}', 'café', 'Zero\u200bwidth', 'עברית', 'العربية', '日本語', '🚀',
];

/** A title or abstract: a few pieces and words joined by spaces. */
const text = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.constantFrom('model', 'learning', 'zeta', 'Robots') }), { minLength: 2, maxLength: 7 })
  .map((parts) => parts.join(' '));

/** What a reader must see for a raw listing line: entities decoded once, white space collapsed, artefacts cleaned. */
export const shown = (raw: string) => cleanArtefacts(cleanText(raw));

/** A seeded sample of random papers (the same on every run), each with a distinct title as shown. */
export const randomPapers: ListedPaper[] = fc
  .sample(fc.record({ title: text, abstract: text }), { seed: 20250311, numRuns: 40 })
  .filter((p, i, all) => shown(p.title) !== '' && all.findIndex((q) => shown(q.title) === shown(p.title)) === i)
  .slice(0, 24);

/** The listings of the two later days. */
export const SECOND_DAY_PAPERS: ListedPaper[] = [LEANDOJO_2, LEANDOJO, { title: 'A Brand New Paper About Robots', abstract: 'Robots learn to fold laundry with tactile policies.' }];
export const NEW_DAY_PAPERS: ListedPaper[] = [
  ...hostilePapers.map((p) => ({ title: p.rawTitle, abstract: p.rawAbstract })),
  ZEBRA,
  PROMPTING,
  NUMBAT,
  DISTILLATION,
  BILBY,
  LEANDOJO_3,
  { title: 'Zero-shot Everything', abstract: 'A survey of zero-shot learning.' },
  ...randomPapers,
];

/** The note the owner added to one seed paper. */
export const NOTE = { slug: 'a-comparative-study-on-reasoning-patterns-of-openais-o1-model', text: '\nA note added between builds.\n' };

/** The fixture: the seed's content plus the two days and the note. */
export const newDayFixture: FixtureOptions = {
  listings: { [`${SECOND_DAY}.txt`]: listingText('Mar 12', SECOND_DAY_PAPERS), [`${NEW_DAY}.txt`]: listingText('Mar 13', NEW_DAY_PAPERS) },
  notes: { [NOTE.slug]: NOTE.text },
};

// Every title is a paper of its own, and the seed's titles are not among the new ones.
{
  const titles = [...seed.map((p) => p.title), ...SECOND_DAY_PAPERS.filter((p) => p !== LEANDOJO), ...NEW_DAY_PAPERS.filter((p) => p !== PROMPTING && p !== DISTILLATION)].map((p) =>
    typeof p === 'string' ? p : shown(p.title),
  );
  if (new Set(titles).size !== titles.length) throw new Error('the new-day fixture lists a title twice');
  if (randomPapers.length < 20) throw new Error(`only ${randomPapers.length} random papers`);
}
