/**
 * `npm run fetch`: download a day's list from Hugging Face's daily papers API
 * into `content/listings/YYYY-MM-DD.json`, the bytes as received, once the
 * build's own parser has accepted them. A thin CLI over src/lib/fetch/.
 *
 *   npm run fetch                                       today (UTC)
 *   npm run fetch -- --date 2025-03-14                  one day
 *   npm run fetch -- --from 2025-03-10 --to 2025-03-14  a backfill, both days included,
 *                                                       one request at a time
 *   --force        replace an existing .json, and only with a download that validates
 *   --timeout S    seconds each attempt may take (default 30)
 *   --pause S      seconds between two days of a range (default 1)
 *
 * The API is `dailyPapersUrl` in content/site.yaml; the environment variable
 * DAILY_PAPERS_URL overrides it. PAPERS_CONTENT_DIR names another content
 * folder, as for the other commands. 429 and 5xx answers are retried (4
 * attempts, 1-2-4 s apart, or after the server's Retry-After). A range stops
 * at the first failure; the days written before it are kept. Nothing is
 * ever half-written: a listing is written to a temporary file and renamed.
 *
 * Exit codes:
 *   0  written (a range: at least one day written, none failed)
 *   1  failed: network error, timeout, HTTP error, invalid JSON or listing, write error
 *   2  usage or configuration error (nothing was downloaded)
 *   3  no papers listed yet for the day (a range: for every day not written)
 *   4  the day already has a listing (a .json without --force, or a .txt)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../src/lib/io/contentDir.ts';
import { projectPaths, readSiteConfig } from '../src/lib/io/projectFiles.ts';
import { formatDiagnostic, InputError } from '../src/lib/listing/diagnostics.ts';
import { planDays } from '../src/lib/fetch/days.ts';
import { importDays } from '../src/lib/fetch/importDays.ts';
import { EXIT, exitCode } from '../src/lib/fetch/outcome.ts';
import { chooseApiUrl, PackageInfo, userAgent } from '../src/lib/fetch/request.ts';

const USAGE = `usage: npm run fetch [-- --date YYYY-MM-DD | --from YYYY-MM-DD --to YYYY-MM-DD] [--force] [--timeout S] [--pause S]
  Downloads a day's list of papers (default: today, UTC) into content/listings/YYYY-MM-DD.json.
  Exit codes: 0 written, 1 failed, 2 usage, 3 no papers listed yet, 4 already has a listing.`;

/** Stops with a usage or configuration error. */
function usageError(message: string): never {
  console.error(`fetch: ${message}`);
  console.error('fetch: see npm run fetch -- --help');
  process.exit(EXIT.usage);
}

/** Reads a number of seconds from an option, within bounds. */
function seconds(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) usageError(`--${name} takes a number of seconds from ${min} to ${max}, not ${JSON.stringify(value)}`);
  return n;
}

/** CLI entry point. */
async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        date: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        force: { type: 'boolean', default: false },
        timeout: { type: 'string', default: '30' },
        pause: { type: 'string', default: '1' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    usageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const timeoutSeconds = seconds('timeout', values.timeout, 0.1, 600);
  const pauseSeconds = seconds('pause', values.pause, 0, 3600);
  const plan = planDays(values, new Date());
  if ('error' in plan) usageError(plan.error);

  const root = process.cwd();
  const paths = projectPaths(root, contentDir(root));
  let site;
  try {
    site = readSiteConfig(paths);
  } catch (error) {
    if (error instanceof InputError) {
      console.error(error.diagnostics.map(formatDiagnostic).join('\n'));
      usageError('the site configuration has errors; nothing was downloaded');
    }
    // A content folder without site.yaml: PAPERS_CONTENT_DIR names the wrong folder, most likely.
    usageError(`cannot read the site configuration ${paths.site}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const api = chooseApiUrl(site.dailyPapersUrl, process.env.DAILY_PAPERS_URL);
  if ('error' in api) usageError(api.error);
  const pkg = PackageInfo.safeParse(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')));
  if (!pkg.success) usageError(pkg.error.issues.map((i) => i.message).join('; '));

  const outcomes = await importDays(plan.days, {
    root,
    listings: paths.listings,
    api: api.url,
    // The site's public URL is how the API's operators can reach whoever runs this.
    userAgent: userAgent(pkg.data, site.url),
    timeoutSeconds,
    pauseSeconds,
    force: values.force,
    log: (line) => console.error(line),
    report: (outcome, line) => {
      if (outcome.kind === 'written') {
        for (const d of outcome.warnings) console.error(formatDiagnostic(d));
        console.log(`fetch: ${line}`);
        return;
      }
      console.error(`fetch: ${line}`);
      if (outcome.kind === 'failed') for (const d of outcome.diagnostics) console.error(formatDiagnostic(d));
    },
  });

  if (plan.days.length > 1) {
    const count = (kind: string) => outcomes.filter((o) => o.kind === kind).length;
    const stopped = outcomes.at(-1)?.kind === 'failed' && outcomes.length < plan.days.length ? `; stopped at ${outcomes.at(-1)!.date}, the days before it are kept` : '';
    console.error(`fetch: ${plan.days[0]} to ${plan.days.at(-1)}: ${count('written')} written, ${count('empty')} with no papers yet, ${count('exists')} already listed, ${count('failed')} failed${stopped}`);
  }
  process.exitCode = exitCode(outcomes);
}

if (import.meta.main) await main();
