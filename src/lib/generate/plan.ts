/**
 * Decide what the generator may write, keep or delete in `content/papers/`
 * without destroying anybody's work. A three-way comparison per file:
 *
 *   base   = what the generator wrote last time (its hash, from the manifest)
 *   ours   = what the generator would write now
 *   theirs = what is on disk now (maybe edited by the site owner)
 *
 * The MDX body always belongs to the owner and is carried over untouched.
 * Pure: the caller reads the disk and carries out the plan.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../listing/diagnostics.ts';
import { joinPaperFile, splitPaperFile } from '../mdx/file.ts';

/** Path → hash of the frontmatter the generator wrote there. */
export type Manifest = Record<string, string>;

/** What to do with the paper files. */
export interface WritePlan {
  /** File name → full new text. Only files whose text changes. */
  writes: Map<string, string>;
  /** File names to delete: generated, unedited, and no longer produced. */
  deletes: string[];
  /** Files left as they are although the generator wanted otherwise, and why. */
  kept: { file: string; reason: string }[];
  /** Edits that clash with new generator output; the run must stop. */
  conflicts: Diagnostic[];
  /** The manifest after the plan is carried out. */
  manifest: Manifest;
}

/** Hashes frontmatter text for the manifest. */
export function hashFrontmatter(frontmatter: string): string {
  return createHash('sha256').update(frontmatter).digest('hex');
}

/**
 * Plans the writes. `dir` is the folder shown in messages. With `force`,
 * conflicting frontmatter edits are overwritten (bodies are still kept).
 */
export function planWrites(options: {
  dir: string;
  desired: ReadonlyMap<string, string>;
  existing: ReadonlyMap<string, string>;
  manifest: Manifest;
  force: boolean;
  /** Renamed slugs: new file name → old file name. The old file's body and edits move with it. */
  moves?: ReadonlyMap<string, string>;
}): WritePlan {
  const { dir, desired, force } = options;
  const existing = new Map(options.existing);
  const manifest: Manifest = { ...options.manifest };
  const writes = new Map<string, string>();
  const deletes: string[] = [];
  // A renamed paper is its old file under a new name: carry text and manifest entry over.
  const moved: string[] = [];
  for (const [to, from] of options.moves ?? []) {
    const text = existing.get(from);
    if (text === undefined || existing.has(to)) continue;
    existing.set(to, text);
    existing.delete(from);
    if (manifest[from] !== undefined) manifest[to] = manifest[from]!;
    delete manifest[from];
    moved.push(to);
    deletes.push(from);
  }
  const kept: WritePlan['kept'] = [];
  const conflicts: Diagnostic[] = [];
  const next: Manifest = {};

  for (const [file, ours] of desired) {
    const text = existing.get(file);
    const oursHash = hashFrontmatter(ours);
    if (text === undefined) {
      writes.set(file, joinPaperFile({ frontmatter: ours, body: '' }));
      next[file] = oursHash;
      continue;
    }
    const parts = splitPaperFile(text);
    if (!parts) {
      conflicts.push({
        severity: 'error',
        file: `${dir}/${file}`,
        line: 1,
        message: 'the file has no frontmatter block (it must start with a line "---")',
        hint: 'restore the frontmatter (git checkout the file), or delete the file to have it generated anew',
      });
      continue;
    }
    const base = manifest[file];
    // Theirs is hashed only when it differs from ours: an unchanged file, the common case, needs one hash.
    if (parts.frontmatter === ours) {
      next[file] = oursHash;
    } else if (force || hashFrontmatter(parts.frontmatter) === base) {
      // Unedited since we wrote it (or overwriting on purpose): regenerate, keep the body.
      writes.set(file, joinPaperFile({ frontmatter: ours, body: parts.body }));
      next[file] = oursHash;
    } else if (oursHash === base) {
      // The owner changed generated fields and the listing did not: their edit stands.
      kept.push({ file, reason: 'frontmatter edited by hand; the listing has not changed, so the edit is kept' });
      next[file] = base;
    } else {
      conflicts.push({
        severity: 'error',
        file: `${dir}/${file}`,
        line: 1,
        message: base === undefined
          ? 'the file was not written by the generator, and its frontmatter differs from what the listings now produce'
          : 'the frontmatter was edited by hand, and the listings now produce different frontmatter for it',
        hint: 'merge by hand (keep your notes below the frontmatter; they are never touched), or run `npm run generate -- --force` to overwrite the frontmatter with the generated one',
      });
      if (base !== undefined) next[file] = base;
    }
  }

  for (const [file, text] of existing) {
    if (desired.has(file)) continue;
    const parts = splitPaperFile(text);
    const base = manifest[file];
    if (parts && base !== undefined && hashFrontmatter(parts.frontmatter) === base && parts.body.trim() === '') {
      deletes.push(file);
    } else {
      kept.push({ file, reason: 'no listing produces this paper any more, but the file holds hand edits or notes, so it is kept; delete it by hand if it should go' });
      if (base !== undefined) next[file] = base;
    }
  }

  // A moved file must exist under its new name even when its text is unchanged.
  for (const to of moved) if (!writes.has(to) && !conflicts.some((c) => c.file.endsWith(`/${to}`))) writes.set(to, existing.get(to)!);

  const manifestSorted: Manifest = {};
  for (const key of Object.keys(next).sort()) manifestSorted[key] = next[key]!;
  return { writes, deletes: deletes.sort(), kept, conflicts, manifest: manifestSorted };
}
