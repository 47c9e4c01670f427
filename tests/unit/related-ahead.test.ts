/**
 * Related papers worked out ahead of the catalog (src/lib/build/relatedAhead.ts):
 * the worker reads paper files as the content loader does and answers with
 * findRelated's result; the catalog takes an answer only for its exact inputs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { answerRelated, publishRelatedAhead, relatedAheadOutcome, takeRelatedAhead } from '../../src/lib/build/relatedAhead.ts';
import { readRelatedInputs, startRelatedAhead } from '../../src/lib/build/relatedAheadWorker.ts';
import { stringify } from 'yaml';
import { joinPaperFile } from '../../src/lib/mdx/file.ts';
import { paperYaml } from '../../src/lib/mdx/paperYaml.ts';
import { findRelated, relatedInput, relatedInputsDigest } from '../../src/lib/papers/related.ts';
import type { PaperFrontmatter } from '../../src/lib/papers/schema.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
// Each test offers its own answer, as each Astro step does.
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('papers-site.relatedAhead')];
});

/** A paper's frontmatter, listed first on `date` at `rank`. */
function paper(title: string, abstract: string, date: string, rank: number): PaperFrontmatter {
  return { title, abstract, firstSeen: date, listings: [{ date, rank }], topics: [{ topic: 'machine-learning', rule: 'learning', field: 'abstract' }] };
}

/** A folder of paper files: the generator's layout, or another YAML layout (as after a hand edit) when `hand` is set. */
function papersDir(papers: Record<string, PaperFrontmatter>, hand: ReadonlySet<string> = new Set()): string {
  const dir = mkdtempSync(join(tmpdir(), 'related-ahead-'));
  dirs.push(dir);
  for (const [slug, data] of Object.entries(papers)) {
    const frontmatter = hand.has(slug) ? `# corrected by hand\n${stringify(data)}` : paperYaml(data);
    writeFileSync(join(dir, `${slug}.mdx`), joinPaperFile({ frontmatter, body: slug === 'noted' ? '\nAn owner note.\n' : '' }));
  }
  return dir;
}

const PAPERS = {
  'diffusion-a': paper('Diffusion policies for robots', 'Robots learn manipulation with diffusion policies and imitation.', '2025-03-10', 2),
  'diffusion-b': paper('Faster diffusion sampling', 'Diffusion models sample faster with fewer denoising steps.', '2025-03-11', 1),
  noted: paper('Robot imitation at scale', 'Imitation learning for robots from many demonstrations and diffusion.', '2025-03-11', 2),
  'speech-c': paper('Speech recognition with transformers', 'Transformers transcribe speech in many languages.', '2025-03-10', 1),
  'speech-d': paper("Low-resource speech: a 'study'", 'Speech recognition for low-resource languages with transformers.', '2025-03-09', 1),
};

describe('the related-papers worker', () => {
  it('reads the paper files in the catalog order: newest first day, then rank, then slug', () => {
    const inputs = readRelatedInputs(papersDir(PAPERS, new Set(['speech-d'])));
    expect(inputs.map((i) => i.slug)).toEqual(['diffusion-b', 'noted', 'speech-c', 'diffusion-a', 'speech-d']);
    expect(inputs.find((i) => i.slug === 'speech-d')).toEqual(relatedInput('speech-d', PAPERS['speech-d']));
  });

  it("answers with findRelated's result for the files, which the catalog takes for the same inputs", async () => {
    const dir = papersDir(PAPERS, new Set(['speech-d']));
    startRelatedAhead(dir);
    const inputs = readRelatedInputs(dir);
    const taken = await takeRelatedAhead(inputs);
    expect(relatedAheadOutcome()).toBe('used');
    expect(taken).toEqual(findRelated(inputs));
    expect(taken!.get('diffusion-b')).toContain('diffusion-a');
  });

  it('answers nothing when a file cannot be read, so the catalog works related papers out itself', async () => {
    const dir = papersDir(PAPERS);
    writeFileSync(join(dir, 'broken.mdx'), 'no frontmatter here');
    startRelatedAhead(dir);
    expect(await takeRelatedAhead([])).toBeUndefined();
    expect(relatedAheadOutcome()).toBe('failed');
  });
});

describe('an answer worked out ahead', () => {
  const inputs = Object.entries(PAPERS).map(([slug, data]) => relatedInput(slug, data));

  it('is refused for inputs that differ in one title, or only in order', async () => {
    const edited = inputs.map((input, i) => (i === 2 ? relatedInput(input.slug, { ...PAPERS.noted, title: 'Robot imitation, corrected' }) : input));
    publishRelatedAhead(Promise.resolve(answerRelated(inputs)));
    expect(await takeRelatedAhead(edited)).toBeUndefined();
    expect(relatedAheadOutcome()).toBe('stale');
    publishRelatedAhead(Promise.resolve(answerRelated(inputs)));
    expect(await takeRelatedAhead([...inputs].reverse())).toBeUndefined();
    expect(relatedInputsDigest([...inputs].reverse())).not.toBe(relatedInputsDigest(inputs));
  });

  it('is not there when no worker was started (astro dev)', async () => {
    expect(await takeRelatedAhead(inputs)).toBeUndefined();
    expect(relatedAheadOutcome()).toBeUndefined();
  });
});
