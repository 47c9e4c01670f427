/**
 * The published limits of the free static hosts this site is made for, and
 * the warnings a build prints when its output passes them: with the
 * numbers, and what to change in content/site.yaml.
 */
import { formatBytes } from '../text/units.ts';

/** What one host refuses. */
export interface HostLimits {
  name: string;
  /** The whole published site. */
  maxBytes?: number;
  maxFiles?: number;
  /** Any single file. */
  maxFileBytes?: number;
  /** Entries in any one folder. */
  maxEntriesPerFolder?: number;
}

/** The hosts `host:` in content/site.yaml names, with their published limits. */
export const HOSTS = {
  // "Published GitHub Pages sites may be no larger than 1 GB."
  'github-pages': { name: 'GitHub Pages', maxBytes: 1e9 },
  // Cloudflare Pages: 20,000 files per site on the free plan, 100,000 on paid plans; 25 MiB per file.
  'cloudflare-pages': { name: 'Cloudflare Pages (free plan)', maxFiles: 20_000, maxFileBytes: 25 * 2 ** 20 },
  'cloudflare-pages-paid': { name: 'Cloudflare Pages (paid plan)', maxFiles: 100_000, maxFileBytes: 25 * 2 ** 20 },
  // Netlify: no limit on files per deploy, but 54,000 files per folder.
  netlify: { name: 'Netlify', maxEntriesPerFolder: 54_000 },
  other: { name: 'another host' },
} as const satisfies Record<string, HostLimits>;
export type HostName = keyof typeof HOSTS;

/** What a build put in its output, as hosts count it. */
export interface OutputMeasure {
  bytes: number;
  files: number;
  largestFile?: { path: string; bytes: number };
  largestFolder?: { path: string; entries: number };
}

/** The usual way out of a size or file limit: fewer preview cards. */
const FEWER_CARDS = 'set `previewImages` in content/site.yaml to a number of days (e.g. `previewImages: 30`: cards for the newest 30 days, one site card for the rest) or to `none`';

/** The warnings for an output on a host; none when it fits. */
export function hostWarnings(host: HostName, output: OutputMeasure): string[] {
  const limits: HostLimits = HOSTS[host];
  const warnings: string[] = [];
  if (limits.maxBytes !== undefined && output.bytes > limits.maxBytes) {
    warnings.push(`the output is ${formatBytes(output.bytes)}, over ${limits.name}' limit of ${formatBytes(limits.maxBytes)} for a published site: ${FEWER_CARDS}, or host it elsewhere`);
  }
  if (limits.maxFiles !== undefined && output.files > limits.maxFiles) {
    warnings.push(`the output holds ${output.files} files, over ${limits.name}' limit of ${limits.maxFiles}: ${FEWER_CARDS}, or choose a plan or host with a higher limit`);
  }
  if (limits.maxFileBytes !== undefined && output.largestFile && output.largestFile.bytes > limits.maxFileBytes) {
    warnings.push(`${output.largestFile.path} is ${formatBytes(output.largestFile.bytes)}, over ${limits.name}' limit of ${formatBytes(limits.maxFileBytes)} per file: report it as a bug of this site (no page should grow that large)`);
  }
  if (limits.maxEntriesPerFolder !== undefined && output.largestFolder && output.largestFolder.entries > limits.maxEntriesPerFolder) {
    warnings.push(`${output.largestFolder.path}/ holds ${output.largestFolder.entries} entries, over ${limits.name}' limit of ${limits.maxEntriesPerFolder} per folder: host the site elsewhere (a folder holds one entry per paper)`);
  }
  return warnings;
}
