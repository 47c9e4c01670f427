/**
 * What `npm run fetch` sends: the URL of one day's list and the headers that
 * say who is asking. Pure.
 *
 * The Hub API docs document `GET /api/daily_papers?date=YYYY-MM-DD`; the
 * official clients document its other parameters (huggingface_hub
 * `list_daily_papers`, swift-huggingface `listDailyPapers`): `sort` is
 * `publishedAt` unless asked for `trending`, and `limit` is 50 unless asked
 * for more (at most 100). A listing is ranked by trending and must not lose
 * papers, so both are asked for.
 */
import { z } from 'zod';

/** Most papers one request may return (the API's documented maximum). */
export const PAGE_LIMIT = 100;

/** The name and version a User-Agent carries, from package.json. */
export const PackageInfo = z.looseObject({
  name: z.string().regex(/^[a-z0-9@][a-z0-9@/._-]*$/, 'package.json "name" must be an npm package name'),
  version: z.string().regex(/^\d+\.\d+\.\d+[0-9A-Za-z.+-]*$/, 'package.json "version" must be a semantic version'),
});
export type PackageInfo = z.infer<typeof PackageInfo>;

/** The API endpoint: DAILY_PAPERS_URL when set, else the site configuration's. */
export function chooseApiUrl(configured: string, fromEnv: string | undefined): { url: string } | { error: string } {
  if (fromEnv === undefined || fromEnv === '') return { url: configured };
  let url: URL;
  try {
    url = new URL(fromEnv);
  } catch {
    return { error: `DAILY_PAPERS_URL ${JSON.stringify(fromEnv)} is not an absolute URL; set it to e.g. https://huggingface.co/api/daily_papers` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: `DAILY_PAPERS_URL must be an http(s) URL, not ${url.protocol}` };
  return { url: url.href };
}

/** The URL of one day's list: `<api>?date=YYYY-MM-DD&sort=trending&limit=100`, keeping any query the API URL has. */
export function dayUrl(api: string, date: string): URL {
  const url = new URL(api);
  url.searchParams.set('date', date);
  url.searchParams.set('sort', 'trending');
  url.searchParams.set('limit', String(PAGE_LIMIT));
  return url;
}

/** A User-Agent that names the project, its version and where to reach its owner. */
export function userAgent(pkg: PackageInfo, contact: string): string {
  return `${pkg.name}/${pkg.version} (+${contact})`;
}

/** The headers of every request. */
export function requestHeaders(agent: string): Record<string, string> {
  return { 'user-agent': agent, accept: 'application/json' };
}
