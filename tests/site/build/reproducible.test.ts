/**
 * Builds are reproducible and safe to repeat: the same content gives the
 * same bytes wherever it is built, and a build that fails leaves the
 * previous site exactly as it was and says where the problem is.
 */
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, buildSite, projectRoot, type FixtureSite } from '../../support/fixtureSite.ts';
import { seedSite } from '../../support/seedSite.ts';
import { hashTree, listFiles, readPagefindFile } from '../../support/siteFiles.ts';

let fresh: FixtureSite;
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

beforeAll(async () => {
  // Two builds back to back (not one against the seed built earlier), so an
  // edit to the sources while tests run cannot pass for nondeterminism.
  fresh = await buildSite();
  twin = await buildSite();
});

afterAll(() => {
  for (const site of [fresh, twin]) if (site) rmSync(site.dir, { recursive: true, force: true });
});

describe('building the seed', () => {
  it('twice, from two fresh folders, gives byte-identical sites', () => {
    expect(fresh.dir).not.toBe(twin.dir);
    const first = hashTree(fresh.out);
    expect(first.size).toBeGreaterThan(92);
    expect(differences(first, hashTree(twin.out))).toEqual([]);
  });

  it('writes no path of the machine that built it into the site', () => {
    const leaks = [fresh.dir, twin.dir, dirname(seedSite().out), projectRoot, join(tmpdir(), 'papers-site-')];
    const found: string[] = [];
    for (const out of [fresh.out, twin.out, seedSite().out]) {
      for (const file of listFiles(out)) {
        const text = readBuilt(out, file);
        for (const leak of leaks) if (text.includes(leak)) found.push(`${file} contains ${leak}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('a build that fails after a good one', () => {
  it('on a bad listing, leaves the previous site and the content as they were and names the file and line', async () => {
    const before = hashTree(fresh.out);
    const papersBefore = hashTree(join(fresh.content, 'papers'));
    const bad = join(fresh.content, 'listings', '2025-03-13.txt');
    // Line 11 holds a title with no abstract after it.
    writeFileSync(bad, ['new', '', 'Subscribe', '', 'Mar 13', '', 'A fine title', '', 'Its abstract.', '', 'An orphan title', ''].join('\n'));
    try {
      const error = await buildFixture(fresh).then(
        () => undefined,
        (e: { log: string }) => e,
      );
      expect(error, 'the build must fail').toBeDefined();
      expect(error!.log).toMatch(/2025-03-13\.txt:11: error: the title "An orphan title" has no abstract after it/);
      expect(error!.log).toMatch(/fix: /);
      expect(differences(before, hashTree(fresh.out))).toEqual([]);
      expect(differences(papersBefore, hashTree(join(fresh.content, 'papers')))).toEqual([]);
      expect(readdirSync(fresh.dir).filter((f) => /staging|retired/.test(f))).toEqual([]);
    } finally {
      rmSync(bad);
    }
  });

  it('inside Astro (broken MDX notes), leaves the previous site as it was and names the file', async () => {
    const before = hashTree(fresh.out);
    const name = readdirSync(join(fresh.content, 'papers')).find((f) => f.endsWith('.mdx'))!;
    const file = join(fresh.content, 'papers', name);
    const original = readFileSync(file);
    // The owner's notes: an unclosed JSX element and expression, which MDX cannot compile.
    appendFileSync(file, '\nMy notes <div>{unclosed\n');
    try {
      const error = await buildFixture(fresh).then(
        () => undefined,
        (e: { log: string }) => e,
      );
      expect(error, 'the build must fail').toBeDefined();
      // MDX's own message, with the file, line and column of the mistake.
      expect(error!.log).toMatch(new RegExp(`${name.replace(/[.]/g, '\\.')}:\\d+:\\d+`));
      expect(differences(before, hashTree(fresh.out))).toEqual([]);
      expect(readdirSync(fresh.dir).filter((f) => /staging|retired/.test(f))).toEqual([]);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('when the Astro step runs out of its JavaScript heap, leaves the previous site as it was and says how to give it more', async () => {
    const before = hashTree(fresh.out);
    const error = await buildFixture(fresh, [], { PAPERS_ASTRO_HEAP_MB: '24' }).then(
      () => undefined,
      (e: { log: string }) => e,
    );
    expect(error, 'the build must fail').toBeDefined();
    expect(error!.log).toMatch(/heap out of memory/i);
    expect(error!.log).toMatch(/give it more than 24 MB: PAPERS_ASTRO_HEAP_MB=48 npm run build/);
    expect(differences(before, hashTree(fresh.out))).toEqual([]);
    expect(readdirSync(fresh.dir).filter((f) => /staging|retired/.test(f))).toEqual([]);
  });
});
