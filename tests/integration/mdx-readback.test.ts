/**
 * The generator's read-back proof on worker threads (src/lib/mdx/readBack.ts):
 * every generated file is parsed back through MDX and YAML before anything
 * is written, the batch shared between the main thread and workers, and
 * every file that does not read back is named, in order, however the work
 * was shared.
 */
import { once } from 'node:events';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { composePapers } from '../../src/lib/generate/compose.ts';
import { readBackAll, STATE } from '../../src/lib/mdx/readBack.ts';
import { makeListing } from '../support/listings.ts';
import { HOSTILE, taxonomy } from '../support/mdxHostile.ts';

describe('readBackAll', () => {
  /** A batch of good files, two bad ones among them. */
  function batch() {
    const composed = composePapers([makeListing('2025-03-11', HOSTILE.map((t, i) => ({ title: `${i}: ${t}`, abstract: `${t} ${i}` })))], taxonomy, { papers: [] });
    const items = [...composed.files].map(([file, yaml]) => ({ file, yaml, data: composed.data.get(file) as unknown }));
    items[10] = { ...items[10]!, data: { ...(items[10]!.data as object), title: 'not what was written' } };
    items[40] = { ...items[40]!, yaml: `${items[40]!.yaml}---\n# heading\n` };
    return items;
  }

  test.each([0, 1, 2])('proves every file and names each one that does not read back, in order, with %i worker(s)', (workers) => {
    const items = batch();
    expect(items.length).toBeGreaterThan(50);
    expect(readBackAll(items, { workers })).toEqual([
      `${items[10]!.file}: generated frontmatter does not read back as written`,
      `${items[40]!.file}: generated MDX parses to [yaml, heading, thematicBreak] instead of a single frontmatter block`,
    ]);
  });

  test('a worker alone proves the whole batch when the main thread claims nothing', async () => {
    const items = batch();
    const shared = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(new URL('../../src/lib/mdx/readBackWorker.ts', import.meta.url), { workerData: { items, shared, slot: 1, port: port2 }, transferList: [port2] });
    await once(worker, 'exit');
    expect(Atomics.load(shared, 1)).toBe(STATE.done);
    expect(receiveMessageOnPort(port1)?.message).toEqual([[10, expect.stringContaining(items[10]!.file)], [40, expect.stringContaining(items[40]!.file)]]);
  });

  test('answers nothing for a good batch', () => {
    const items = batch().filter((_, i) => i !== 10 && i !== 40);
    expect(readBackAll(items, { workers: 1 })).toEqual([]);
    expect(readBackAll([], { workers: 1 })).toEqual([]);
  });
});
