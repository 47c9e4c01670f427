/**
 * The baselines the benchmark compares this site with, built from the same
 * papers: a naive Astro + MDX site (bench/naive/: a glob() collection, one
 * page per paper, the abstract as MDX body) and a tiny Hugo site.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseListing } from '../../src/lib/listing/parse.ts';
import type { CorpusDay } from '../corpus.ts';

/** A paper of the corpus: what both baselines show. */
export interface BaselinePaper {
  title: string;
  abstract: string;
}

/** The distinct papers of a corpus, in first-listed order. */
export function corpusPapers(days: readonly CorpusDay[]): BaselinePaper[] {
  const seen = new Map<string, BaselinePaper>();
  for (const day of days) {
    const { listing } = parseListing(`${day.date}.txt`, day.text);
    for (const e of listing!.entries) if (!seen.has(e.title)) seen.set(e.title, { title: e.title, abstract: e.abstract });
  }
  return [...seen.values()];
}

/** Escapes listing text for an MDX or Markdown body: no expression, tag or ESM can start. */
function escapeBody(text: string): string {
  return text.replace(/[\\`*_{}<>[\]#|$~&]/g, (c) => `&#${c.codePointAt(0)};`);
}

/** Writes the naive baseline's .mdx files: title in frontmatter, abstract as the body. */
export function writeNaiveContent(dir: string, papers: readonly BaselinePaper[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  papers.forEach((p, i) => writeFileSync(join(dir, `p${i}.mdx`), `---\ntitle: ${JSON.stringify(p.title)}\n---\n\n${escapeBody(p.abstract)}\n`));
}

/** Writes a tiny Hugo site: one page per paper, a home page listing nothing else. */
export function writeHugoSite(dir: string, papers: readonly BaselinePaper[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'content/papers'), { recursive: true });
  mkdirSync(join(dir, 'layouts/_default'), { recursive: true });
  writeFileSync(join(dir, 'hugo.toml'), `baseURL = "https://example.org/"\ntitle = "Bench"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "section"]\n`);
  writeFileSync(join(dir, 'layouts/_default/single.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n');
  writeFileSync(join(dir, 'layouts/index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Site.Title }}</title></head><body><h1>{{ .Site.Title }}</h1></body></html>\n');
  papers.forEach((p, i) => writeFileSync(join(dir, `content/papers/p${i}.md`), `---\ntitle: ${JSON.stringify(p.title)}\n---\n\n${escapeBody(p.abstract)}\n`));
}

/** Where an executable is on PATH, if it is. */
export function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) if (existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}
