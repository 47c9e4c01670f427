/**
 * The generator, end to end: read the listings and the paper files, write
 * `content/papers/*.mdx` safely (never over an owner's edit, notes always
 * kept), then the build data every later step reads. Run by `npm run
 * generate`, by the build's generate step, and by Astro itself for plain
 * `astro build` and `astro dev`.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { composeBuildData, buildDataInputs, type PaperFile } from '../buildData/compose.ts';
import { buildDataFile, readBuildDataInputs, writeBuildData } from '../buildData/file.ts';
import { writeFileAtomic } from '../io/atomicWrite.ts';
import { contentDir } from '../io/contentDir.ts';
import { listPaperFiles, projectPaths, readListings, readRegistry, readSiteConfig, readTaxonomy, type ProjectPaths } from '../io/projectFiles.ts';
import { parseConfigText } from '../io/readConfigFile.ts';
import { InputError, type Diagnostic } from '../listing/diagnostics.ts';
import { hasNotes, splitPaperFile } from '../mdx/file.ts';
import { readPaperYaml } from '../mdx/paperYaml.ts';
import { readBackAll, type ReadBackItem } from '../mdx/readBack.ts';
import { PaperFrontmatter } from '../papers/schema.ts';
import { routes } from '../site/routes.ts';
import { composePapers } from './compose.ts';
import { planWrites, type Manifest } from './plan.ts';

/** Options of one generator run. */
export interface GenerateOptions {
  root: string;
  /** Content folder; defaults to `content/` or PAPERS_CONTENT_DIR. */
  contentDir?: string;
  /** Overwrite hand-edited frontmatter (notes are kept). */
  force?: boolean;
  /** Write nothing; throw if anything would change. */
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
  /** The build data file, and whether it was made again (false: its inputs had not changed). */
  buildData: { file: string; written: boolean };
}

/** Reads every existing paper file, by file name. */
function readExisting(dir: string): Map<string, string> {
  return new Map(listPaperFiles(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

/** Refuses a registry that lost a published slug: a published URL must keep working. */
function checkPublishedSlugs(paths: ProjectPaths, manifest: Manifest, registered: ReadonlySet<string>): void {
  const dropped = Object.keys(manifest).map((f) => f.replace(/\.mdx$/, '')).filter((slug) => !registered.has(slug));
  if (dropped.length === 0) return;
  throw new InputError(
    dropped.map((slug) => ({
      severity: 'error' as const,
      file: relative(paths.root, paths.permalinks),
      line: 0,
      message: `the published slug "${slug}" (/${routes.paper(slug)}) is no longer in the registry`,
      hint: `if you renamed it, add "${slug}" to that paper's redirectsFrom so the old URL redirects; published URLs must keep working`,
    })),
  );
}

/**
 * The frontmatter of a file the owner edited, validated; diagnostics name
 * the file and the line (the fence line counts, as in an editor).
 */
function readEditedFrontmatter(display: string, frontmatter: string): PaperFrontmatter {
  const exact = readPaperYaml(frontmatter);
  if (exact) return exact;
  try {
    return parseConfigText(display, frontmatter, PaperFrontmatter, 'correct the field, or delete the file to have it generated anew (your notes go with it: copy them first)');
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(error.diagnostics.map((d): Diagnostic => ({ ...d, line: d.line + 1 })));
  }
}

/** Runs the generator. Throws InputError on bad input or conflicting edits, before writing anything. */
export function generate(options: GenerateOptions): GenerateReport {
  const log = options.log ?? ((m: string) => console.log(m));
  const root = resolve(options.root);
  const paths = projectPaths(root, options.contentDir ?? contentDir(root));
  const listings = readListings(paths, log);
  const taxonomy = readTaxonomy(paths);
  const registry = readRegistry(paths);
  const site = readSiteConfig(paths);
  const composed = composePapers(listings, taxonomy, registry);

  const manifest: Manifest = existsSync(paths.manifest) ? JSON.parse(readFileSync(paths.manifest, 'utf8')) : {};
  checkPublishedSlugs(paths, manifest, new Set(registry.papers.flatMap((e) => [e.slug, ...e.redirectsFrom])));
  const papersDir = relative(root, paths.papers);
  const existing = readExisting(paths.papers);
  const plan = planWrites({ moves: composed.moves, dir: papersDir, desired: composed.files, existing, manifest, force: options.force ?? false });
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

  // The paper files as they will be once the plan is carried out: what every later step reads.
  const deleted = new Set(plan.deletes);
  const finalNames = new Set([...composed.files.keys(), ...[...existing.keys()].filter((name) => !deleted.has(name))]);
  const papers: PaperFile[] = [];
  for (const name of [...finalNames].sort()) {
    const text = plan.writes.get(name) ?? existing.get(name)!;
    const display = `${papersDir}/${name}`;
    const parts = splitPaperFile(text);
    if (!parts) {
      throw new InputError([{ severity: 'error', file: display, line: 1, message: 'the file has no frontmatter block (it must start with a line "---")', hint: 'restore the frontmatter (git checkout the file), or delete the file' }]);
    }
    const ours = composed.files.get(name);
    const data = parts.frontmatter === ours ? composed.data.get(name)! : readEditedFrontmatter(display, parts.frontmatter);
    papers.push({ slug: name.slice(0, -'.mdx'.length), data, ...(hasNotes(parts.body) ? { notes: { file: relative(root, join(paths.papers, name)), body: parts.body } } : {}) });
  }

  const registryText = `${JSON.stringify(composed.registry, null, 2)}\n`;
  const manifestText = `${JSON.stringify(plan.manifest, null, 2)}\n`;
  const registryChanged = !existsSync(paths.permalinks) || readFileSync(paths.permalinks, 'utf8') !== registryText;
  const manifestChanged = !existsSync(paths.manifest) || readFileSync(paths.manifest, 'utf8') !== manifestText;
  const dataFile = buildDataFile(root);
  const redirects = composed.registry.papers.flatMap((entry) => entry.redirectsFrom.map((from) => ({ from, to: entry.slug })));
  const context = { taxonomy, site: { title: site.title, description: site.description }, previewImages: site.previewImages, redirects };
  // Related papers are most of the build data's cost: made again only when an input changed.
  const dataChanged = readBuildDataInputs(dataFile) !== buildDataInputs(papers, context);
  const report: GenerateReport = {
    papers: papers.length,
    written: [...plan.writes.keys()].sort(),
    deleted: plan.deletes,
    kept: plan.kept,
    newSlugs: composed.added,
    withNotes: papers.filter((p) => p.notes).length,
    buildData: { file: dataFile, written: dataChanged },
  };

  if (options.check) {
    if (report.written.length || report.deleted.length || registryChanged || manifestChanged) {
      throw new Error(`generate --check: ${report.written.length} file(s) would be written and ${report.deleted.length} deleted; run npm run generate`);
    }
    return { ...report, buildData: { file: dataFile, written: false } };
  }

  // The registry first: once a slug is handed out it must be on record, even if a later write fails.
  if (registryChanged) writeFileAtomic(paths.permalinks, registryText);
  for (const [file, text] of plan.writes) writeFileAtomic(join(paths.papers, file), text);
  for (const file of plan.deletes) {
    rmSync(join(paths.papers, file));
    log(`generate: removed ${papersDir}/${file} (generated, unedited, and no longer in any listing)`);
  }
  if (manifestChanged) writeFileAtomic(paths.manifest, manifestText);
  if (dataChanged) writeBuildData(dataFile, composeBuildData(papers, context));
  for (const { file, reason } of plan.kept) log(`generate: kept ${file}: ${reason}`);
  log(
    `generate: ${report.papers} papers from ${listings.length} listing(s): ${report.written.length} written, ` +
      `${report.deleted.length} removed, ${report.kept.length} kept as edited, ${report.newSlugs.length} new URL(s)`,
  );
  return report;
}
