/**
 * `node scripts/measure-cards.ts`: how fast, how big and how memory-hungry
 * preview cards are, drawn one after another in this process.
 *
 *   taskset -c 0 node scripts/measure-cards.ts --cards 2000 --checkpoints 2000,10000
 *
 * Cards are made as the benchmark corpus makes papers (scripts/corpus.ts):
 * a code name plus a shipped title, with that paper's topics and first day,
 * so every title is unique but the words are real, and drawn one at a time
 * through `renderPreviewCard`, as the build draws them. After a warm-up, it
 * prints the median and 95th percentile time a card (drawing and encoding),
 * the CPU time a card (this process's, which other processes on a busy
 * machine do not inflate as they do elapsed time), the mean and largest
 * size, and the resident memory at each checkpoint. Run it under
 * `taskset -c 0` to measure one core.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { renderPreviewCard, type PreviewCard } from '../src/lib/og/previewCard.ts';
import { formatDay } from '../src/lib/text/format.ts';

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'xe', 'zu', 'ba', 'de', 'fi', 'go', 'hu', 'ja'];

function codeName(i: number): string {
  let name = '';
  let n = i;
  do {
    name += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** `count` cards made from the shipped papers in `root`/content. */
export function sampleCards(count: number, root = process.cwd()): PreviewCard[] {
  const content = join(root, 'content');
  const site = parse(readFileSync(join(content, 'site.yaml'), 'utf8')) as { title: string };
  const taxonomy = parse(readFileSync(join(content, 'topics.yaml'), 'utf8')) as { topics: { slug: string; name: string }[] };
  const names = new Map(taxonomy.topics.map((t) => [t.slug, t.name]));
  const papers = readdirSync(join(content, 'papers'))
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(content, 'papers', f), 'utf8'))![1]!;
      return parse(front) as { title: string; firstSeen: string; topics?: { topic: string }[] };
    });
  return Array.from({ length: count }, (_, i) => {
    const paper = papers[i % papers.length]!;
    return {
      title: `${codeName(i)}: ${paper.title}`,
      topics: (paper.topics ?? []).map((t) => names.get(t.topic) ?? t.topic),
      date: formatDay(paper.firstSeen),
      siteTitle: site.title,
    };
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      cards: { type: 'string', default: '1000' },
      warmup: { type: 'string', default: '100' },
      checkpoints: { type: 'string', default: '' },
    },
  });
  const count = Number(values.cards);
  const warmup = Number(values.warmup);
  const checkpoints = values.checkpoints ? values.checkpoints.split(',').map(Number) : [];
  const total = Math.max(count, ...checkpoints);
  const cards = sampleCards(warmup + total);

  for (const card of cards.slice(0, warmup)) await renderPreviewCard(card);
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  const start = process.memoryUsage.rss();
  console.log(`after ${warmup} warm-up cards: RSS ${mb(start)}`);

  const times: number[] = [];
  const sizes: number[] = [];
  let cpu = process.cpuUsage();
  for (let i = 0; i < total; i++) {
    if (i === count) cpu = process.cpuUsage(cpu);
    const t0 = performance.now();
    const png = await renderPreviewCard(cards[warmup + i]!);
    const t1 = performance.now();
    if (i < count) {
      times.push(t1 - t0);
      sizes.push(png.length);
    }
    if (checkpoints.includes(i + 1)) {
      const rss = process.memoryUsage.rss();
      console.log(`after ${i + 1} cards: RSS ${mb(rss)} (${rss >= start ? '+' : '-'}${mb(Math.abs(rss - start))})`);
    }
  }
  if (total === count) cpu = process.cpuUsage(cpu);
  const cpuMs = (cpu.user + cpu.system) / 1000 / count;
  times.sort((a, b) => a - b);
  sizes.sort((a, b) => a - b);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`${count} cards: median ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, CPU ${cpuMs.toFixed(2)} ms a card; size mean ${kb(sizes.reduce((a, b) => a + b, 0) / sizes.length)}, median ${kb(percentile(sizes, 50))}, largest ${kb(sizes.at(-1)!)}`);
}
