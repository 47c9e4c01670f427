/**
 * scripts/generate.ts end to end on a temporary copy of the project's
 * content: idempotence, refusal to write on bad input, and hand edits.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { generate } from '../../src/lib/generate/generateContent.ts';
import { InputError } from '../../src/lib/listing/diagnostics.ts';
import { splitPaperFile } from '../../src/lib/mdx/file.ts';
import { PaperFrontmatter } from '../../src/lib/papers/schema.ts';
import { parse as parseYaml } from 'yaml';
import { inputError } from '../support/inputError.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SEED = readFileSync(join(ROOT, 'content', 'listings', '2025-03-11.txt'), 'utf8');
const NOTES = '\n## Notes\n\nRead this with <Aside>care</Aside> and {1 + 1} friends.\n';

let root = '';
let logs: string[] = [];

/** Runs the generator on the temporary project, collecting its log. */
const run = (options: { force?: boolean; check?: boolean } = {}) => generate({ root, ...options, log: (m) => logs.push(m) });

/** Every file under the project with its bytes and modification time. */
function snapshot(): Map<string, { bytes: string; mtimeMs: number }> {
  const files = new Map<string, { bytes: string; mtimeMs: number }>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(root, path), { bytes: readFileSync(path, 'base64'), mtimeMs: statSync(path).mtimeMs });
    }
  };
  walk(root);
  return files;
}

/** Path of a paper file in the temporary project. */
const paper = (slug: string) => join(root, 'content', 'papers', `${slug}.mdx`);

/** The slug the registry gives a title. */
function slugOf(title: string): string {
  const registry = JSON.parse(readFileSync(join(root, 'content', 'permalinks.json'), 'utf8')) as { papers: { title: string; slug: string }[] };
  return registry.papers.find((p) => p.title === title)!.slug;
}

/** The frontmatter data of a paper file. */
function dataOf(slug: string) {
  return PaperFrontmatter.parse(parseYaml(splitPaperFile(readFileSync(paper(slug), 'utf8'))!.frontmatter));
}

/** Writes a listing for 12 March holding the given seed papers (by index). */
function addNextDay(indexes: number[]): void {
  const lines = SEED.split('\n');
  const pairs = indexes.map((i) => `${lines[10 + 4 * i]}\n\n${lines[12 + 4 * i]}`);
  writeFileSync(join(root, 'content', 'listings', '2025-03-12.txt'), `new\n\nMar 12\n\n${pairs.join('\n\n')}\n`);
}


const FIRST_TITLE = 'A Study of Bayesian Neural Network Surrogates for Bayesian Optimization';
const LAST_TITLE = 'Modeling of learning curves with applications to pos tagging';

beforeEach(() => {
  vi.stubEnv('PAPERS_CONTENT_DIR', undefined);
  root = mkdtempSync(join(tmpdir(), 'generate-'));
  cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
  logs = [];
});

afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
});

describe('generate on a fresh project', () => {
  beforeEach(() => {
    rmSync(join(root, 'content', 'papers'), { recursive: true, force: true });
    rmSync(join(root, 'content', 'permalinks.json'), { force: true });
  });

  test('writes one file per seed paper, the registry and the manifest', () => {
    const report = run();
    expect(report.papers).toBe(92);
    expect(report.written).toHaveLength(92);
    expect(report.newSlugs).toHaveLength(92);
    const names = readdirSync(join(root, 'content', 'papers')).filter((n) => n.endsWith('.mdx'));
    expect(names).toHaveLength(92);
    expect(Object.keys(JSON.parse(readFileSync(join(root, 'content', 'papers', '.generated.json'), 'utf8')))).toEqual([...names].sort());
    expect(dataOf(slugOf(FIRST_TITLE))).toMatchObject({ title: FIRST_TITLE, firstSeen: '2025-03-11', listings: [{ date: '2025-03-11', rank: 1 }] });
    expect(logs.at(-1)).toContain('92 papers from 1 listing(s): 92 written');
  });

  test('throws InputError for a bad listing and creates no file at all', () => {
    cpSync(join(ROOT, 'tests/fixtures/listings/rejected/date-mismatch/2025-03-12.txt'), join(root, 'content/listings/2025-03-12.txt'));
    const before = snapshot();
    const error = inputError(run);
    expect(error.diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: 'content/listings/2025-03-12.txt', line: 9 })]);
    expect(error.message).toContain('content/listings/2025-03-12.txt:9: error: the header says "Mar 11"');
    expect(snapshot()).toEqual(before);
    expect(existsSync(join(root, 'content', 'papers'))).toBe(false);
    expect(existsSync(join(root, 'content', 'permalinks.json'))).toBe(false);
  });

  test('reports the errors of every bad listing at once', () => {
    cpSync(join(ROOT, 'tests/fixtures/listings/rejected/nul/2025-03-11.txt'), join(root, 'content/listings/2025-03-11.txt'));
    cpSync(join(ROOT, 'tests/fixtures/listings/rejected/date-mismatch/2025-03-12.txt'), join(root, 'content/listings/2025-03-12.txt'));
    expect(inputError(run).diagnostics.map((d) => d.file)).toEqual(['content/listings/2025-03-11.txt', 'content/listings/2025-03-12.txt']);
  });

  test('throws InputError when there is no listing at all', () => {
    rmSync(join(root, 'content', 'listings'), { recursive: true });
    mkdirSync(join(root, 'content', 'listings'));
    expect(inputError(run).diagnostics[0]).toMatchObject({ file: 'content/listings', message: 'there are no listings (*.txt or *.json files)' });
  });

  test('logs the warnings of an accepted listing', () => {
    cpSync(join(ROOT, 'tests/fixtures/listings/accepted/duplicate/2025-03-11.txt'), join(root, 'content/listings/2025-03-11.txt'));
    expect(run().papers).toBe(4);
    expect(logs.some((m) => m.startsWith('content/listings/2025-03-11.txt:23: warning:') && m.includes('listed twice'))).toBe(true);
  });
});

describe('generate on the committed content', () => {
  beforeEach(() => {
    run();
    logs = [];
  });

  test('writes nothing on a second run: same bytes, same modification times', async () => {
    const before = snapshot();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const report = run();
    expect(report).toMatchObject({ papers: 92, written: [], deleted: [], kept: [], newSlugs: [], withNotes: 0 });
    expect(snapshot()).toEqual(before);
    expect(logs.at(-1)).toContain('0 written, 0 removed, 0 kept as edited, 0 new URL(s)');
  });

  test('passes --check when everything is up to date', () => {
    expect(run({ check: true }).written).toEqual([]);
  });

  test('fails --check when a listing changed, and writes nothing', () => {
    addNextDay([0]);
    const before = snapshot();
    expect(() => run({ check: true })).toThrow(/1 file\(s\) would be written/);
    expect(snapshot()).toEqual(before);
  });

  test('throws InputError for a bad listing added later and leaves every file untouched', () => {
    cpSync(join(ROOT, 'tests/fixtures/listings/rejected/date-mismatch/2025-03-12.txt'), join(root, 'content/listings/2025-03-12.txt'));
    const before = snapshot();
    expect(() => run()).toThrow(InputError);
    expect(snapshot()).toEqual(before);
  });

  test('keeps an edited body when the paper is regenerated', () => {
    const slug = slugOf(FIRST_TITLE);
    writeFileSync(paper(slug), `${readFileSync(paper(slug), 'utf8')}${NOTES}`);
    addNextDay([5, 0]);
    const report = run();
    expect(report.written).toContain(`${slug}.mdx`);
    // Counted for the Astro step's heap (scripts/build.ts).
    expect(report.withNotes).toBe(1);
    const parts = splitPaperFile(readFileSync(paper(slug), 'utf8'))!;
    expect(parts.body).toBe(NOTES);
    expect(dataOf(slug).listings).toEqual([{ date: '2025-03-11', rank: 1 }, { date: '2025-03-12', rank: 2 }]);
    // And the next run leaves it alone.
    const before = snapshot();
    expect(run().written).toEqual([]);
    expect(snapshot()).toEqual(before);
  });

  test('keeps an edited frontmatter while the listings do not change it', () => {
    const slug = slugOf(FIRST_TITLE);
    const text = readFileSync(paper(slug), 'utf8').replace(`title: "${FIRST_TITLE}"`, 'title: "Bayesian NN surrogates (corrected)"');
    writeFileSync(paper(slug), text);
    const report = run();
    expect(report.written).toEqual([]);
    expect(report.kept).toEqual([{ file: `${slug}.mdx`, reason: expect.stringContaining('edit is kept') }]);
    expect(readFileSync(paper(slug), 'utf8')).toBe(text);
  });

  test('refuses a frontmatter edit that conflicts with new output, naming the file and --force, and touches nothing', () => {
    const slug = slugOf(FIRST_TITLE);
    writeFileSync(paper(slug), readFileSync(paper(slug), 'utf8').replace(`title: "${FIRST_TITLE}"`, 'title: "My title"') + NOTES);
    addNextDay([0]);
    const before = snapshot();
    const error = inputError(run);
    expect(error.diagnostics).toEqual([expect.objectContaining({ file: `content/papers/${slug}.mdx`, line: 1 })]);
    expect(error.diagnostics[0]!.hint).toContain('--force');
    expect(snapshot()).toEqual(before);
  });

  test('overwrites a conflicting frontmatter edit with --force and keeps the body', () => {
    const slug = slugOf(FIRST_TITLE);
    writeFileSync(paper(slug), readFileSync(paper(slug), 'utf8').replace(`title: "${FIRST_TITLE}"`, 'title: "My title"') + NOTES);
    addNextDay([0]);
    const report = run({ force: true });
    expect(report.written).toEqual([`${slug}.mdx`]);
    expect(dataOf(slug)).toMatchObject({ title: FIRST_TITLE, listings: [{ date: '2025-03-11', rank: 1 }, { date: '2025-03-12', rank: 1 }] });
    expect(splitPaperFile(readFileSync(paper(slug), 'utf8'))!.body).toBe(NOTES);
    expect(run().written).toEqual([]);
  });

  test('removes the file of a dropped paper, says so in the log, and keeps its slug on record', () => {
    const slug = slugOf(LAST_TITLE);
    const lines = SEED.split('\n');
    writeFileSync(join(root, 'content', 'listings', '2025-03-11.txt'), lines.slice(0, lines.indexOf(LAST_TITLE) - 1).join('\n'));
    const report = run();
    expect(report.deleted).toEqual([`${slug}.mdx`]);
    expect(report.papers).toBe(91);
    expect(existsSync(paper(slug))).toBe(false);
    expect(logs).toContain(`generate: removed content/papers/${slug}.mdx (generated, unedited, and no longer in any listing)`);
    expect(slugOf(LAST_TITLE)).toBe(slug);
    const manifest = JSON.parse(readFileSync(join(root, 'content', 'papers', '.generated.json'), 'utf8')) as Record<string, string>;
    expect(manifest[`${slug}.mdx`]).toBeUndefined();
  });

  test('keeps the file of a dropped paper that holds notes, and says so in the log', () => {
    const slug = slugOf(LAST_TITLE);
    writeFileSync(paper(slug), readFileSync(paper(slug), 'utf8') + NOTES);
    const lines = SEED.split('\n');
    writeFileSync(join(root, 'content', 'listings', '2025-03-11.txt'), lines.slice(0, lines.indexOf(LAST_TITLE) - 1).join('\n'));
    const report = run();
    expect(report.deleted).toEqual([]);
    expect(existsSync(paper(slug))).toBe(true);
    expect(logs.some((m) => m.startsWith(`generate: kept ${slug}.mdx:`))).toBe(true);
  });

  test('gives a new colliding title a suffixed slug and leaves existing URLs alone', () => {
    const before = readFileSync(paper(slugOf(FIRST_TITLE)), 'utf8');
    writeFileSync(
      join(root, 'content', 'listings', '2025-03-12.txt'),
      `Mar 12\n\n${FIRST_TITLE.toUpperCase()}!\n\nA different paper with a title that slugifies alike.\n`,
    );
    const report = run();
    const base = slugOf(FIRST_TITLE);
    expect(report.newSlugs).toEqual([`${base}-2`]);
    expect(report.written).toEqual([`${base}-2.mdx`]);
    expect(readFileSync(paper(base), 'utf8')).toBe(before);
  });
});
