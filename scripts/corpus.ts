/**
 * `node scripts/corpus.ts`: a deterministic synthetic corpus for benchmarks.
 * N papers over K days (100 a day by default), made from the shipped
 * listing's titles and abstracts: every title is unique (a code name plus a
 * shipped title), every abstract mixes sentences of shipped abstracts, and
 * each day re-lists a couple of the previous day's papers, as real listings
 * do. The same arguments always give the same bytes, and paper i is the same
 * whatever N is, so a corpus of N+100 papers is a corpus of N plus one day.
 *
 *   node scripts/corpus.ts --papers 10000 --out bench/out/corpus-10000
 *
 * The output is a content folder: site.yaml and topics.yaml copied from
 * content/, listings/ in the real scraped format, and an empty papers/.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseListing } from '../src/lib/listing/parse.ts';
import { formatDateLine } from '../src/lib/listing/dateLine.ts';

/** One listing file of the corpus. */
export interface CorpusDay {
  /** YYYY-MM-DD, also the file name. */
  date: string;
  /** The file's text, in the scraped format. */
  text: string;
  /** Papers first listed that day. */
  newPapers: number;
}

/** Options of a corpus. */
export interface CorpusOptions {
  papers: number;
  /** New papers per day (the last day may have fewer). */
  perDay?: number;
  /** Papers of the previous day listed again each day. */
  relisted?: number;
  /** First day. */
  start?: string;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'xe', 'zu', 'ba', 'de', 'fi', 'go', 'hu', 'ja'];

/** A 32-bit integer hash of `n` and `salt` (splitmix-style), for deterministic choices. */
function hash(n: number, salt: number): number {
  let x = (Math.imul(n ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(salt, 0xc2b2ae35)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

/** A unique pronounceable code name for paper `i` (a bijection from i). */
function codeName(i: number): string {
  let name = '';
  let n = i;
  do {
    name += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The shipped listing's papers: the material the corpus is made of. */
export function readSource(root: string): { title: string; abstract: string }[] {
  const file = join(root, 'content/listings/2025-03-11.txt');
  const { listing } = parseListing('content/listings/2025-03-11.txt', readFileSync(file));
  if (!listing || listing.entries.length === 0) throw new Error(`${file}: no papers to build a corpus from`);
  return listing.entries.map((e) => ({ title: e.title, abstract: e.abstract }));
}

/** Title and abstract of paper `i`. */
function makePaper(i: number, source: { title: string; abstract: string }[], sentences: string[]) {
  const base = source[hash(i, 1) % source.length]!;
  const title = `${codeName(i)}: ${base.title}`;
  // Half the abstract from its own paper, the rest from sentences of others.
  const own = base.abstract.split(/(?<=\.)\s+/);
  const keep = own.slice(0, Math.max(1, Math.ceil(own.length / 2)));
  const extra = 2 + (hash(i, 2) % 4);
  for (let k = 0; k < extra; k++) keep.push(sentences[hash(i, 10 + k) % sentences.length]!);
  return { title, abstract: keep.join(' ') };
}

/** Formats one listing file in the scraped format. */
function formatListing(date: string, papers: { title: string; abstract: string }[]): string {
  const header = ['new', 'Get trending papers in your email inbox!', 'Subscribe', 'byAK and the research community', formatDateLine(date)];
  return `${[...header, ...papers.flatMap((p) => [p.title, p.abstract])].join('\n\n')}\n`;
}

/** Adds `days` days to an ISO date. */
function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Makes the corpus's listing files, oldest day first. */
export function makeCorpus(root: string, options: CorpusOptions): CorpusDay[] {
  const perDay = options.perDay ?? 100;
  const relisted = options.relisted ?? 2;
  const start = options.start ?? '2024-01-01';
  const source = readSource(root);
  const sentences = source.flatMap((p) => p.abstract.split(/(?<=\.)\s+/)).filter((s) => s.length > 30);
  const days: CorpusDay[] = [];
  let previous: { title: string; abstract: string }[] = [];
  for (let first = 0, day = 0; first < options.papers; first += perDay, day++) {
    const fresh = [];
    for (let i = first; i < Math.min(options.papers, first + perDay); i++) fresh.push(makePaper(i, source, sentences));
    const date = addDays(start, day);
    days.push({ date, text: formatListing(date, [...fresh, ...previous.slice(0, relisted)]), newPapers: fresh.length });
    previous = fresh;
  }
  return days;
}

/** Writes a content folder for `days` into `out` (replacing it). */
export function writeCorpus(root: string, out: string, days: CorpusDay[]): void {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'listings'), { recursive: true });
  mkdirSync(join(out, 'papers'), { recursive: true });
  for (const name of ['site.yaml', 'topics.yaml']) copyFileSync(join(root, 'content', name), join(out, name));
  for (const day of days) writeListing(out, day);
}

/** Writes one listing file into the content folder `out`. */
export function writeListing(out: string, day: CorpusDay): void {
  writeFileSync(join(out, 'listings', `${day.date}.txt`), day.text);
}

/** CLI entry point. */
function main(): void {
  const { values } = parseArgs({
    options: {
      papers: { type: 'string', default: '1000' },
      'per-day': { type: 'string', default: '100' },
      out: { type: 'string' },
    },
  });
  const papers = Number(values.papers);
  const root = process.cwd();
  const out = resolve(values.out ?? `bench/out/corpus-${papers}`);
  const days = makeCorpus(root, { papers, perDay: Number(values['per-day']) });
  writeCorpus(root, out, days);
  console.log(`corpus: ${papers} papers over ${days.length} days → ${out}`);
}

if (import.meta.main) main();
