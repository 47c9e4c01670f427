/**
 * planWrites: the three-way comparison that regenerates paper files without
 * destroying the owner's edits.
 */
import { describe, expect, test } from 'vitest';
import { hashFrontmatter, planWrites, type Manifest } from '../../src/lib/generate/plan.ts';
import { joinPaperFile } from '../../src/lib/mdx/file.ts';

const DIR = 'content/papers';
const OLD = 'title: "Old"\n';
const NEW = 'title: "New"\n';
const EDITED = 'title: "Edited by hand"\n';
const NOTES = '\n## My notes\n\nThis paper is <Aside>great</Aside>.\n';

/** Builds file text from frontmatter and body. */
const file = (frontmatter: string, body = '') => joinPaperFile({ frontmatter, body });

/** Plans with sensible defaults. */
function plan(options: { desired?: Record<string, string>; existing?: Record<string, string>; manifest?: Manifest; force?: boolean }) {
  return planWrites({
    dir: DIR,
    desired: new Map(Object.entries(options.desired ?? {})),
    existing: new Map(Object.entries(options.existing ?? {})),
    manifest: options.manifest ?? {},
    force: options.force ?? false,
  });
}

describe('planWrites', () => {
  test('writes a new file with an empty body and records its hash', () => {
    const result = plan({ desired: { 'a.mdx': NEW } });
    expect(result.writes).toEqual(new Map([['a.mdx', file(NEW)]]));
    expect(result.manifest).toEqual({ 'a.mdx': hashFrontmatter(NEW) });
    expect(result.conflicts).toEqual([]);
  });

  test('writes nothing for a file that already holds what it would write', () => {
    const result = plan({ desired: { 'a.mdx': NEW }, existing: { 'a.mdx': file(NEW, NOTES) }, manifest: { 'a.mdx': hashFrontmatter(NEW) } });
    expect(result.writes.size).toBe(0);
    expect(result.deletes).toEqual([]);
    expect(result.kept).toEqual([]);
    expect(result.manifest).toEqual({ 'a.mdx': hashFrontmatter(NEW) });
  });

  test('regenerates an unedited file and keeps its body', () => {
    const result = plan({ desired: { 'a.mdx': NEW }, existing: { 'a.mdx': file(OLD, NOTES) }, manifest: { 'a.mdx': hashFrontmatter(OLD) } });
    expect(result.writes.get('a.mdx')).toBe(file(NEW, NOTES));
    expect(result.manifest['a.mdx']).toBe(hashFrontmatter(NEW));
    expect(result.conflicts).toEqual([]);
  });

  test('treats a file saved with CRLF line endings as unedited', () => {
    const crlf = file(OLD, NOTES).replace(/\n/g, '\r\n');
    const result = plan({ desired: { 'a.mdx': NEW }, existing: { 'a.mdx': crlf }, manifest: { 'a.mdx': hashFrontmatter(OLD) } });
    expect(result.conflicts).toEqual([]);
    expect(result.writes.get('a.mdx')).toBe(file(NEW, NOTES));
  });

  test('keeps owner-edited frontmatter when the generator output has not changed', () => {
    const result = plan({ desired: { 'a.mdx': OLD }, existing: { 'a.mdx': file(EDITED, NOTES) }, manifest: { 'a.mdx': hashFrontmatter(OLD) } });
    expect(result.writes.size).toBe(0);
    expect(result.conflicts).toEqual([]);
    expect(result.kept).toEqual([{ file: 'a.mdx', reason: expect.stringContaining('edit is kept') }]);
    expect(result.manifest['a.mdx']).toBe(hashFrontmatter(OLD));
  });

  test('reports a conflict, mentioning --force, when edited frontmatter meets new generator output', () => {
    const result = plan({ desired: { 'a.mdx': NEW }, existing: { 'a.mdx': file(EDITED, NOTES) }, manifest: { 'a.mdx': hashFrontmatter(OLD) } });
    expect(result.writes.size).toBe(0);
    expect(result.conflicts).toEqual([expect.objectContaining({ severity: 'error', file: 'content/papers/a.mdx', line: 1 })]);
    expect(result.conflicts[0]!.message).toContain('edited by hand');
    expect(result.conflicts[0]!.hint).toContain('--force');
    expect(result.manifest['a.mdx']).toBe(hashFrontmatter(OLD));
  });

  test('reports a conflict for a file the generator never wrote that differs from its output', () => {
    const result = plan({ desired: { 'a.mdx': NEW }, existing: { 'a.mdx': file(EDITED) } });
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]!.message).toContain('not written by the generator');
    expect(result.conflicts[0]!.hint).toContain('--force');
  });

  test('adopts a file the generator never wrote when it already holds the generated frontmatter', () => {
    const result = plan({ desired: { 'a.mdx': NEW }, existing: { 'a.mdx': file(NEW, NOTES) } });
    expect(result.conflicts).toEqual([]);
    expect(result.writes.size).toBe(0);
    expect(result.manifest).toEqual({ 'a.mdx': hashFrontmatter(NEW) });
  });

  test('overwrites conflicting frontmatter with force but keeps the body', () => {
    const result = plan({ desired: { 'a.mdx': NEW }, existing: { 'a.mdx': file(EDITED, NOTES) }, manifest: { 'a.mdx': hashFrontmatter(OLD) }, force: true });
    expect(result.conflicts).toEqual([]);
    expect(result.writes.get('a.mdx')).toBe(file(NEW, NOTES));
    expect(result.manifest['a.mdx']).toBe(hashFrontmatter(NEW));
  });

  test('reports a file without a frontmatter block as a conflict, even with force', () => {
    for (const force of [false, true]) {
      const result = plan({ desired: { 'a.mdx': NEW }, existing: { 'a.mdx': '# Just notes\n' }, force });
      expect(result.conflicts).toEqual([expect.objectContaining({ file: 'content/papers/a.mdx', line: 1, message: expect.stringContaining('no frontmatter block') })]);
      expect(result.writes.size).toBe(0);
    }
  });

  test('deletes a stale file that is generated, unedited and has no body', () => {
    const result = plan({ existing: { 'gone.mdx': file(OLD) }, manifest: { 'gone.mdx': hashFrontmatter(OLD) } });
    expect(result.deletes).toEqual(['gone.mdx']);
    expect(result.kept).toEqual([]);
    expect(result.manifest).toEqual({});
  });

  test('keeps a stale file whose frontmatter was edited', () => {
    const result = plan({ existing: { 'gone.mdx': file(EDITED) }, manifest: { 'gone.mdx': hashFrontmatter(OLD) } });
    expect(result.deletes).toEqual([]);
    expect(result.kept).toEqual([{ file: 'gone.mdx', reason: expect.stringContaining('hand edits or notes') }]);
    expect(result.manifest).toEqual({ 'gone.mdx': hashFrontmatter(OLD) });
  });

  test('keeps a stale file that holds notes', () => {
    const result = plan({ existing: { 'gone.mdx': file(OLD, NOTES) }, manifest: { 'gone.mdx': hashFrontmatter(OLD) } });
    expect(result.deletes).toEqual([]);
    expect(result.kept.map((k) => k.file)).toEqual(['gone.mdx']);
  });

  test('never deletes a file the generator did not write', () => {
    const result = plan({ existing: { 'mine.mdx': file(OLD) } });
    expect(result.deletes).toEqual([]);
    expect(result.kept.map((k) => k.file)).toEqual(['mine.mdx']);
    expect(result.manifest).toEqual({});
  });

  test('gives the same plan for the same input in any map order', () => {
    const desired = { 'c.mdx': NEW, 'a.mdx': NEW, 'b.mdx': OLD };
    const existing = { 'z.mdx': file(OLD), 'y.mdx': file(OLD), 'a.mdx': file(OLD, NOTES) };
    const manifest = { 'z.mdx': hashFrontmatter(OLD), 'y.mdx': hashFrontmatter(OLD), 'a.mdx': hashFrontmatter(OLD) };
    const first = plan({ desired, existing, manifest });
    const reversed = plan({
      desired: Object.fromEntries(Object.entries(desired).reverse()),
      existing: Object.fromEntries(Object.entries(existing).reverse()),
      manifest: Object.fromEntries(Object.entries(manifest).reverse()),
    });
    expect(reversed.deletes).toEqual(first.deletes);
    expect(first.deletes).toEqual(['y.mdx', 'z.mdx']);
    expect(JSON.stringify(reversed.manifest)).toBe(JSON.stringify(first.manifest));
    expect(Object.keys(first.manifest)).toEqual(['a.mdx', 'b.mdx', 'c.mdx']);
    expect(new Map([...reversed.writes].sort())).toEqual(new Map([...first.writes].sort()));
    expect(plan({ desired, existing, manifest })).toEqual(first);
  });
});
