/**
 * Builds are reproducible and safe to repeat: the same content gives the
 * same bytes wherever it is built, and a build that fails leaves the
 * previous site exactly as it was and says where the problem is.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../../src/lib/build/report.ts';
import { buildFixture, copyProject, type FixtureSite, makeFixture, projectRoot } from '../../support/fixtureSite.ts';
import { seedSite, sharedSites } from '../../support/sharedSites.ts';
import { hashTree, listFiles, readPagefindFile } from '../../support/siteFiles.ts';

const seed = seedSite();
/** The seed built again, in a fresh folder, from the very code the shared seed site was built from. */
let twin: FixtureSite;

/** Lists files whose hashes differ between two trees (or exist in one only). */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const files = new Set([...a.keys(), ...b.keys()]);
  return [...files].filter((f) => a.get(f) !== b.get(f)).sort();
}

/** The text of a built file, Pagefind's compressed files decompressed. */
function readBuilt(out: string, file: string): string {
  const path = join(out, file);
  if (/^pagefind\/.*\.(pf_\w+|pagefind)$/.test(file)) return readPagefindFile(path).toString('latin1');
  return readFileSync(path, 'latin1');
}

/** Runs a build that must fail; returns its log and report. */
async function failingBuild(site: FixtureSite, env: NodeJS.ProcessEnv = {}): Promise<{ log: string; report: BuildReport }> {
  const error = await buildFixture(site, [], env).then(
    () => undefined,
    (e: { log: string; report?: BuildReport }) => e,
  );
  expect(error, 'the build must fail').toBeDefined();
  expect(error!.report, 'a failed build still writes its report').toBeDefined();
  expect(error!.report!.ok).toBe(false);
  return { log: error!.log, report: error!.report! };
}

/** What a build left beside the output (incoming or retired trees) or in the project's private build folder (staging). */
function leftovers(site: FixtureSite): string[] {
  const build = join(site.project, '.build');
  return [...readdirSync(site.dir).filter((f) => f.startsWith('.dist.')), ...(existsSync(build) ? readdirSync(build).map((f) => `.build/${f}`) : [])];
}

/** Names of the steps a build started. */
const stepsOf = (report: BuildReport) => report.steps.map((step) => step.name);

beforeAll(async () => {
  // A fresh folder with its own cache, but the project's code copied from the
  // seed's own copy: an edit to the sources while tests run cannot pass for
  // nondeterminism.
  twin = makeFixture();
  rmSync(twin.project, { recursive: true });
  copyProject(twin.dir, seed.project);
  await buildFixture(twin);
  expect(leftovers(twin)).toEqual([]);
});

afterAll(() => {
  if (twin) rmSync(twin.dir, { recursive: true, force: true });
});

describe('building the seed', () => {
  it('twice, from two fresh folders, gives byte-identical sites', () => {
    expect(twin.dir).not.toBe(dirname(seed.out));
    expect(twin.report?.counts).toMatchObject({ imagesDrawn: 93, imagesReused: 0, documentsWritten: 92 });
    const first = hashTree(seed.out);
    expect(first.size).toBeGreaterThan(92);
    expect(differences(first, hashTree(twin.out))).toEqual([]);
  });

  it('writes no path of the machine that built it into any site', () => {
    const sites = [...sharedSites().map((site) => site.out), twin.out];
    const leaks = [...sites.map((out) => dirname(out)), projectRoot, join(tmpdir(), 'papers-site-')];
    const found: string[] = [];
    for (const out of sites) {
      for (const file of listFiles(out)) {
        const text = readBuilt(out, file);
        for (const leak of leaks) if (text.includes(leak)) found.push(`${out}: ${file} contains ${leak}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('a build that fails after a good one', () => {
  it('on a bad listing, leaves the previous site and the content as they were and names the file and line', async () => {
    const before = hashTree(twin.out);
    const papersBefore = hashTree(join(twin.content, 'papers'));
    const bad = join(twin.content, 'listings', '2025-03-13.txt');
    // Line 11 holds a title with no abstract after it.
    writeFileSync(bad, ['new', '', 'Subscribe', '', 'Mar 13', '', 'A fine title', '', 'Its abstract.', '', 'An orphan title', ''].join('\n'));
    try {
      const { log, report } = await failingBuild(twin);
      // What the owner reads: the file, the line, what is wrong and how to fix it.
      expect(log).toMatch(/2025-03-13\.txt:11: error: the title "An orphan title" has no abstract after it/);
      expect(log).toMatch(/fix: /);
      // It stopped in its first step, on bad input.
      expect(report.error).toBe('stopped on bad input');
      expect(stepsOf(report)).toEqual(['generate']);
      expect(differences(before, hashTree(twin.out))).toEqual([]);
      expect(differences(papersBefore, hashTree(join(twin.content, 'papers')))).toEqual([]);
      expect(leftovers(twin)).toEqual([]);
    } finally {
      rmSync(bad);
    }
  });

  it('inside Astro (broken MDX notes), leaves the previous site as it was and names the file', async () => {
    const before = hashTree(twin.out);
    const name = readdirSync(join(twin.content, 'papers')).find((f) => f.endsWith('.mdx'))!;
    const file = join(twin.content, 'papers', name);
    const original = readFileSync(file);
    // The owner's notes: an unclosed JSX element and expression, which MDX cannot compile.
    appendFileSync(file, '\nMy notes <div>{unclosed\n');
    try {
      const { log, report } = await failingBuild(twin);
      // MDX's own message, with the file, line and column of the mistake.
      expect(log).toMatch(new RegExp(`${name.replace(/[.]/g, '\\.')}:\\d+:\\d+`));
      // It stopped in the Astro step, before the search index and the output.
      expect(stepsOf(report)).toContain('astro');
      expect(stepsOf(report)).not.toContain('search index');
      expect(stepsOf(report)).not.toContain('output');
      expect(differences(before, hashTree(twin.out))).toEqual([]);
      expect(leftovers(twin)).toEqual([]);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('when the Astro step runs out of its JavaScript heap, leaves the previous site as it was and says how to give it more', async () => {
    const before = hashTree(twin.out);
    const { log, report } = await failingBuild(twin, { PAPERS_ASTRO_HEAP_MB: '24' });
    // What the owner reads: what happened and how to give it more.
    expect(log).toMatch(/heap out of memory/i);
    expect(log).toMatch(/give it more than 24 MB: PAPERS_ASTRO_HEAP_MB=48 npm run build/);
    expect(stepsOf(report)).toContain('astro');
    expect(stepsOf(report)).not.toContain('output');
    expect(differences(before, hashTree(twin.out))).toEqual([]);
    expect(leftovers(twin)).toEqual([]);
  });
});
