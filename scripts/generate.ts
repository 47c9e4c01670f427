/**
 * `npm run generate`: turn `content/listings/*.txt` into one MDX file per
 * paper in `content/papers/`, safely. Run by `npm run build`; runnable alone.
 *
 *   npm run generate              write what changed; refuse to clobber hand edits
 *   npm run generate -- --force   overwrite hand-edited frontmatter (notes are kept)
 *   npm run generate -- --check   write nothing; exit 1 if anything would change
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { composePapers } from '../src/lib/generate/compose.ts';
import { planWrites, type Manifest } from '../src/lib/generate/plan.ts';
import { writeFileAtomic } from '../src/lib/io/atomicWrite.ts';
import { contentDir } from '../src/lib/io/contentDir.ts';
import { projectPaths, readListings, readRegistry, readTaxonomy } from '../src/lib/io/projectFiles.ts';
import { formatDiagnostic, InputError } from '../src/lib/listing/diagnostics.ts';
import { splitPaperFile } from '../src/lib/mdx/file.ts';
import { readBackAll, type ReadBackItem } from '../src/lib/mdx/readBack.ts';

/** Options of one generator run. */
export interface GenerateOptions {
  root: string;
  /** Content folder; defaults to `content/` or PAPERS_CONTENT_DIR. */
  contentDir?: string;
  force?: boolean;
  check?: boolean;
  log?: (message: string) => void;
}

/** What a run did. */
export interface GenerateReport {
  papers: number;
  written: string[];
  deleted: string[];
  kept: { file: string; reason: string }[];
  newSlugs: string[];
  /** Papers whose file has owner notes (an MDX body), which Astro compiles. */
  withNotes: number;
}

/** Reads every existing paper file. */
function readExisting(dir: string): Map<string, string> {
  const existing = new Map<string, string>();
  if (!existsSync(dir)) return existing;
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.mdx')) existing.set(name, readFileSync(join(dir, name), 'utf8'));
  }
  return existing;
}

/** Runs the generator. Throws InputError on bad input or conflicting edits, before writing anything. */
export function generate(options: GenerateOptions): GenerateReport {
  const log = options.log ?? ((m: string) => console.log(m));
  const paths = projectPaths(resolve(options.root), options.contentDir ?? contentDir(resolve(options.root)));
  const listings = readListings(paths, log);
  const taxonomy = readTaxonomy(paths);
  const registry = readRegistry(paths);
  const composed = composePapers(listings, taxonomy, registry);

  const manifest: Manifest = existsSync(paths.manifest) ? JSON.parse(readFileSync(paths.manifest, 'utf8')) : {};
  // A published URL must keep working: every slug ever written must still be in the registry.
  const registered = new Set(registry.papers.flatMap((e) => [e.slug, ...e.redirectsFrom]));
  const dropped = Object.keys(manifest).map((f) => f.replace(/\.mdx$/, '')).filter((slug) => !registered.has(slug));
  if (dropped.length > 0) {
    throw new InputError(
      dropped.map((slug) => ({
        severity: 'error' as const,
        file: relative(paths.root, paths.permalinks),
        line: 0,
        message: `the published slug "${slug}" (/papers/${slug}/) is no longer in the registry`,
        hint: `if you renamed it, add "${slug}" to that paper's redirectsFrom so the old URL redirects; published URLs must keep working`,
      })),
    );
  }
  const existing = readExisting(paths.papers);
  const plan = planWrites({
    moves: composed.moves,
    dir: relative(paths.root, paths.papers),
    desired: composed.files,
    existing,
    manifest,
    force: options.force ?? false,
  });
  if (plan.conflicts.length > 0) throw new InputError(plan.conflicts);

  // Prove every file about to be written reads back as the data we meant, and as nothing else.
  // Files left as they are were proved when they were written.
  const toProve: ReadBackItem[] = [];
  for (const file of plan.writes.keys()) {
    const yaml = composed.files.get(file);
    if (yaml !== undefined) toProve.push({ file, yaml, data: composed.data.get(file) });
  }
  const unproved = readBackAll(toProve);
  if (unproved.length > 0) throw new Error(unproved.join('\n'));

  const registryText = `${JSON.stringify(composed.registry, null, 2)}\n`;
  const manifestText = `${JSON.stringify(plan.manifest, null, 2)}\n`;
  const registryChanged = !existsSync(paths.permalinks) || readFileSync(paths.permalinks, 'utf8') !== registryText;
  const manifestChanged = !existsSync(paths.manifest) || readFileSync(paths.manifest, 'utf8') !== manifestText;
  const report: GenerateReport = {
    papers: composed.files.size,
    written: [...plan.writes.keys()].sort(),
    deleted: plan.deletes,
    kept: plan.kept,
    newSlugs: composed.added,
    // Writes keep the notes of the files they replace, so the files read now tell.
    withNotes: [...existing.values()].filter((text) => (splitPaperFile(text)?.body.trim() ?? '') !== '').length,
  };

  if (options.check) {
    if (report.written.length || report.deleted.length || registryChanged || manifestChanged) {
      throw new Error(`generate --check: ${report.written.length} file(s) would be written and ${report.deleted.length} deleted; run npm run generate`);
    }
    return report;
  }

  // The registry first: once a slug is handed out it must be on record, even if a later write fails.
  if (registryChanged) writeFileAtomic(paths.permalinks, registryText);
  for (const [file, text] of plan.writes) writeFileAtomic(join(paths.papers, file), text);
  for (const file of plan.deletes) {
    rmSync(join(paths.papers, file));
    log(`generate: removed ${relative(paths.root, join(paths.papers, file))} (generated, unedited, and no longer in any listing)`);
  }
  if (manifestChanged) writeFileAtomic(paths.manifest, manifestText);
  for (const { file, reason } of plan.kept) log(`generate: kept ${file}: ${reason}`);
  log(
    `generate: ${report.papers} papers from ${listings.length} listing(s): ${report.written.length} written, ` +
      `${report.deleted.length} removed, ${report.kept.length} kept as edited, ${report.newSlugs.length} new URL(s)`,
  );
  return report;
}

/** CLI entry point. */
function main(): void {
  const { values } = parseArgs({
    options: { force: { type: 'boolean', default: false }, check: { type: 'boolean', default: false }, root: { type: 'string', default: '.' } },
  });
  try {
    generate({ root: values.root, force: values.force, check: values.check });
  } catch (error) {
    if (error instanceof InputError) {
      console.error(error.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n'));
      console.error('generate: stopped; nothing was written.');
      process.exit(1);
    }
    throw error;
  }
}

if (import.meta.main) main();
