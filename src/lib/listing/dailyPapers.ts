/**
 * Parse one day of Hugging Face's daily papers (`content/listings/YYYY-MM-DD.json`:
 * the body of `GET https://huggingface.co/api/daily_papers?date=YYYY-MM-DD`, as
 * received) into the same `Listing` a scraped text listing gives, plus
 * diagnostics that name the file and the JSON path of each problem.
 *
 * The response, as documented (Hub API docs, "GET /api/daily_papers";
 * huggingface_hub `PaperInfo`/`PaperAuthor` and `list_daily_papers`; the
 * OpenAPI-generated `APIGetDailyPapersResponse` models; swift-huggingface
 * `DailyPaper`): a JSON array, one item per paper, in the order the request
 * asked for (`npm run fetch` asks for `sort=trending`, so item 1 is rank 1).
 * Each item has `paper` (`id` = arXiv id, `title`, `summary`, `authors[]` of
 * `{ name, hidden, … }`, `publishedAt`, `upvotes`, `githubRepo`,
 * `projectPage`, `ai_keywords`, …) and beside it `title`, `summary`,
 * `publishedAt` (when it was listed), `numComments`, `thumbnail`,
 * `submittedBy`, `isAuthorParticipating`. Only what the site uses is read;
 * every other field is ignored, whatever it holds.
 *
 * Every value is untrusted. Text gets the text format's rules (no control
 * characters, no lone surrogates, length limits, NFC, white space collapsed;
 * bidi controls kept with a warning) except that JSON has no HTML entities
 * to decode: `&amp;` in a JSON string is the text `&amp;`. A value of the
 * wrong type is an error; a link that is not http(s) and an id that is not
 * an arXiv id are dropped with a warning, never kept.
 *
 * Hidden authors: huggingface_hub documents `hidden` only as "whether the
 * author is hidden on the Hub", and the Hub's paper-pages docs describe
 * authors hiding a paper from their Hub profile. Either way the person is
 * still an author of the paper (arXiv lists them), so every name is kept:
 * leaving one out would misattribute the paper. The site never links an
 * author to a Hub profile, so nothing hidden on the Hub is exposed.
 */
import { z } from 'zod';
import { BIDI_CONTROL, codePointName } from '../text/characters.ts';
import { normalizeArxivId } from './arxivId.ts';
import type { Diagnostic } from './diagnostics.ts';
import { firstJsonError, formatJsonPath, lineAndColumn, lineOfEveryValue, type JsonPath } from './jsonLocations.ts';
import { dateFromFileName, decodeUtf8, MAX_LINE_LENGTH, MAX_TITLE_LENGTH, type ParseResult } from './parse.ts';
import type { Listing, ListingEntry, PaperMetadata } from './schema.ts';

/** Largest accepted file: a real day is well under 1 MB. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** Longest accepted abstract, as long as a text listing's longest line. */
export const MAX_ABSTRACT_LENGTH = MAX_LINE_LENGTH;
/** Longest accepted author name. */
export const MAX_AUTHOR_LENGTH = 300;
/** Most authors accepted for one paper (collaborations reach a few thousand). */
export const MAX_AUTHORS = 10_000;
/** Longest accepted keyword. */
export const MAX_KEYWORD_LENGTH = 200;
/** Most keywords accepted for one paper. */
export const MAX_KEYWORDS = 200;
/** Longest accepted link. */
export const MAX_URL_LENGTH = 2_048;

/** A count the API gives as a JSON number: a whole number, zero or more. */
const Count = z.number().int().nonnegative();

/** One author of a paper as the API gives it. */
export const DailyPaperAuthor = z
  .looseObject({
    name: z.string().describe('The name as printed on the paper; plain text even when it looks like markup.'),
  })
  .describe('An author (paper.authors[]). hidden, status, user and _id are not used: every author is kept.');

/** The `paper` object of an item: the paper itself. */
export const DailyPaper = z
  .looseObject({
    id: z.string().nullish().describe('arXiv id, e.g. 2503.01234: the identity of the paper.'),
    title: z.string().nullish().describe('Title; may be shortened in places, so it is not the identity.'),
    summary: z.string().nullish().describe('Abstract.'),
    authors: z.array(DailyPaperAuthor).nullish().describe('Authors in the order of the paper.'),
    publishedAt: z.string().nullish().describe('When the paper was published (ISO 8601 date-time).'),
    upvotes: Count.nullish().describe('Upvotes on Hugging Face.'),
    githubRepo: z.string().nullish().describe('Code repository URL.'),
    projectPage: z.string().nullish().describe('Project page URL.'),
    ai_keywords: z.array(z.string()).nullish().describe('Keywords Hugging Face generated.'),
  })
  .describe('The paper of a daily papers item.');

/** One item of the response: a paper as listed that day. */
export const DailyPapersItem = z
  .looseObject({
    paper: DailyPaper.nullish().describe('The paper.'),
    title: z.string().nullish().describe('Title as listed; used when paper.title is missing.'),
    summary: z.string().nullish().describe('Abstract as listed; used when paper.summary is missing.'),
    numComments: Count.nullish().describe('Comments on the paper page.'),
  })
  .describe('One paper as listed on the day.');
export type DailyPapersItem = z.infer<typeof DailyPapersItem>;

/** The whole response: items in ranked order. */
export const DailyPapersResponse = z.array(z.unknown()).describe('Items in the order the API gave them: rank 1 first.');

/**
 * Control characters refused in JSON text. Unlike a text listing's line, a
 * JSON string may hold tabs and line breaks (arXiv abstracts wrap their
 * lines): they are white space and are collapsed.
 */
const JSON_TEXT_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/** Composes to NFC and collapses runs of spaces, tabs and line breaks; no entity decoding: JSON text is the text. */
export function cleanJsonText(raw: string): string {
  return raw.normalize('NFC').replace(/[\t\n\r ]+/g, ' ').trim();
}

/** The decoded JSON of a listing file, or the diagnostics that stopped decoding. */
export type DecodedDailyPapers = { data: unknown; text: string } | { diagnostics: Diagnostic[] };

/** What the checks of one file share. */
interface Context {
  file: string;
  date: string;
  diagnostics: Diagnostic[];
}

/** Makes an error diagnostic at a JSON path (line 0: the path says where). */
function error(file: string, path: JsonPath, message: string, hint: string): Diagnostic {
  return { severity: 'error', file, line: 0, ...(path.length ? { path: formatJsonPath(path) } : {}), message, hint };
}

/** Makes a warning diagnostic at a JSON path. */
function warning(file: string, path: JsonPath, message: string, hint: string): Diagnostic {
  return { severity: 'warning', file, line: 0, path: formatJsonPath(path), message, hint };
}

/** The advice for a response that is broken as downloaded. */
function downloadAgain(date: string): string {
  return `download the day again (npm run fetch -- --date ${date} --force), or correct the file by hand`;
}

/** Invisible characters that must not reach a terminal or a message unnamed. */
const INVISIBLE = new RegExp(`${JSON_TEXT_CONTROL.source}|${BIDI_CONTROL.source}`, 'gu');

/** Shortens untrusted text for a message, in quotes, with its invisible characters named. */
function quote(text: string, max = 60): string {
  const short = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return JSON.stringify(short.replace(INVISIBLE, (c) => `<${codePointName(c)}>`));
}

/** Says what a JSON value is, for "expected X, found Y". */
function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${quote(value, 40)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  return 'an object';
}

/** The value at `path` inside `data`, or undefined. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
};

/** Turns a zod issue inside item `index` into a diagnostic. */
function issueDiagnostic(ctx: Context, item: unknown, index: number, issue: z.core.$ZodIssue): Diagnostic {
  const found = describeValue(valueAt(item, issue.path));
  const path = [index, ...issue.path];
  if (issue.code === 'invalid_type') {
    const expected = EXPECTED[issue.expected] ?? issue.expected;
    return error(ctx.file, path, `expected ${expected}, found ${found}`, `the daily papers API sends ${expected} here; ${downloadAgain(ctx.date)}`);
  }
  const message = issue.code === 'too_small' && issue.origin === 'number' ? `expected a number of at least ${String(issue.minimum)}, found ${found}` : `${issue.message} (found ${found})`;
  return error(ctx.file, path, message, downloadAgain(ctx.date));
}

/**
 * Checks and cleans one text value. Returns the clean text (possibly empty),
 * or undefined after reporting an error.
 */
function readText(ctx: Context, raw: string, path: JsonPath, what: string, max: number, bidiHint = 'they are kept as text; delete them if the value does not need them'): string | undefined {
  if (!raw.isWellFormed()) {
    ctx.diagnostics.push(error(ctx.file, path, `the ${what} holds a lone UTF-16 surrogate (half of a \\uD8xx escape pair: broken text)`, downloadAgain(ctx.date)));
    return undefined;
  }
  const control = JSON_TEXT_CONTROL.exec(raw);
  if (control) {
    ctx.diagnostics.push(
      error(ctx.file, path, `the ${what} holds the control character ${codePointName(control[0])} at character ${control.index + 1}`, 'delete the invisible control character (NUL and friends never belong in a listing)'),
    );
    return undefined;
  }
  const text = cleanJsonText(raw);
  if (text.length > max) {
    ctx.diagnostics.push(error(ctx.file, path, `the ${what} is ${text.length} characters long (limit ${max})`, `check the file: a real ${what} is far shorter; ${downloadAgain(ctx.date)}`));
    return undefined;
  }
  const bidi = text.match(BIDI_CONTROL);
  if (bidi) {
    ctx.diagnostics.push(
      warning(
        ctx.file,
        path,
        `the ${what} holds bidirectional control characters (${[...new Set(bidi)].map(codePointName).join(', ')}) that can make text display differently from what it is ("Trojan Source")`,
        bidiHint,
      ),
    );
  }
  return text;
}

/** Takes the first of `candidates` that holds text: the value and where it was. */
function firstText(ctx: Context, candidates: readonly [unknown, JsonPath][], what: string, max: number): { text: string; path: JsonPath } | 'error' | undefined {
  for (const [raw, path] of candidates) {
    if (typeof raw !== 'string') continue;
    // Pages isolate title and abstract text (see the text listing parser's warning).
    const text = readText(ctx, raw, path, what, max, `they are kept but isolated on every page; delete them if the ${what} does not need them`);
    if (text === undefined) return 'error';
    if (text !== '') return { text, path };
  }
  return undefined;
}

/** Keeps an http(s) link, or drops anything else with a warning. */
function readUrl(ctx: Context, raw: string | null | undefined, path: JsonPath, what: string): string | undefined {
  if (raw == null || raw.trim() === '') return undefined;
  const dropped = (why: string) => {
    ctx.diagnostics.push(warning(ctx.file, path, `the ${what} ${why}; it is dropped: only http and https links are kept`, 'nothing to do: the paper is listed without this link'));
    return undefined;
  };
  if (raw.length > MAX_URL_LENGTH) return dropped(`is ${raw.length} characters long (limit ${MAX_URL_LENGTH})`);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return dropped(`${quote(raw)} is not an absolute URL`);
  }
  // The URL parser has already removed tabs and line breaks, so "java\tscript:" is seen as what a browser would see.
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return dropped(`is a ${quote(url.protocol)} URL`);
  return url.href;
}

/** Reads `paper.publishedAt` as the UTC day, or reports an error. */
function readDay(ctx: Context, raw: string, path: JsonPath): string | 'error' {
  // Date rolls 2025-02-30 over to March: check the calendar day first.
  const day = /^\d{4}-\d{2}-\d{2}(?:$|T)/.test(raw) && dateFromFileName(`${raw.slice(0, 10)}.json`) ? new Date(raw) : undefined;
  if (!day || Number.isNaN(day.getTime())) {
    ctx.diagnostics.push(error(ctx.file, path, `expected an ISO 8601 date such as 2025-03-13T00:00:00.000Z, found ${describeValue(raw)}`, downloadAgain(ctx.date)));
    return 'error';
  }
  return day.toISOString().slice(0, 10);
}

/** Reads the authors' names, reporting problems; undefined after an error. */
function readAuthors(ctx: Context, authors: readonly { name: string }[], path: JsonPath): string[] | undefined {
  if (authors.length > MAX_AUTHORS) {
    ctx.diagnostics.push(error(ctx.file, path, `the paper has ${authors.length} authors (limit ${MAX_AUTHORS})`, `check the file: ${downloadAgain(ctx.date)}`));
    return undefined;
  }
  const names: string[] = [];
  let ok = true;
  authors.forEach((author, j) => {
    const namePath = [...path, j, 'name'];
    const name = readText(ctx, author.name, namePath, 'author name', MAX_AUTHOR_LENGTH);
    if (name === undefined) ok = false;
    else if (name === '') ctx.diagnostics.push(warning(ctx.file, namePath, 'the author name is empty; it is left out', 'nothing to do, or fill in the name by hand'));
    else names.push(name);
  });
  return ok ? names : undefined;
}

/** Reads the keywords, repeats dropped; undefined after an error. */
function readKeywords(ctx: Context, keywords: readonly string[], path: JsonPath): string[] | undefined {
  if (keywords.length > MAX_KEYWORDS) {
    ctx.diagnostics.push(error(ctx.file, path, `the paper has ${keywords.length} keywords (limit ${MAX_KEYWORDS})`, `check the file: ${downloadAgain(ctx.date)}`));
    return undefined;
  }
  const kept = new Set<string>();
  let ok = true;
  keywords.forEach((raw, j) => {
    const keyword = readText(ctx, raw, [...path, j], 'keyword', MAX_KEYWORD_LENGTH);
    if (keyword === undefined) ok = false;
    else if (keyword !== '') kept.add(keyword);
  });
  return ok ? [...kept] : undefined;
}

/** Counts the errors among diagnostics. */
function countErrors(diagnostics: readonly Diagnostic[]): number {
  return diagnostics.reduce((n, d) => n + (d.severity === 'error' ? 1 : 0), 0);
}

/** Checks one item that has the documented shape and makes its entry, or undefined after an error. */
function readItem(ctx: Context, item: DailyPapersItem, index: number, lines: ReadonlyMap<string, number>): ListingEntry | undefined {
  const errorsBefore = countErrors(ctx.diagnostics);
  const paper: Partial<z.infer<typeof DailyPaper>> = item.paper ?? {};
  const at = (...path: PropertyKey[]): JsonPath => [index, ...path];

  let arxivId: string | undefined;
  if (typeof paper.id === 'string' && paper.id.trim() !== '') {
    arxivId = normalizeArxivId(paper.id);
    if (!arxivId) {
      ctx.diagnostics.push(
        warning(ctx.file, at('paper', 'id'), `${quote(paper.id)} is not a new-style arXiv id (such as 2503.01234); the paper is kept but known by its title only`, 'nothing to do if the title is right; the id is never used for links'),
      );
    }
  }

  const title = firstText(ctx, [[paper.title, at('paper', 'title')], [item.title, at('title')]], 'title', MAX_TITLE_LENGTH);
  if (title === undefined) {
    ctx.diagnostics.push(
      arxivId
        ? error(ctx.file, at(), `the item (arXiv ${arxivId}) has no title (paper.title or title)`, `add a "title" to the item, or ${downloadAgain(ctx.date)}`)
        : error(ctx.file, at(), 'the item has neither an arXiv id (paper.id) nor a title (paper.title or title), so the paper cannot be named', `delete the item, or ${downloadAgain(ctx.date)}`),
    );
  }
  const abstract = firstText(ctx, [[paper.summary, at('paper', 'summary')], [item.summary, at('summary')]], 'abstract', MAX_ABSTRACT_LENGTH);
  if (abstract === undefined) {
    const name = typeof title === 'object' ? ` ${quote(title.text)}` : '';
    ctx.diagnostics.push(error(ctx.file, at(), `the item${name} has no abstract (paper.summary or summary)`, `add a "summary" to the item, or ${downloadAgain(ctx.date)}`));
  }

  const metadata: PaperMetadata = {};
  if (arxivId) metadata.arxivId = arxivId;
  if (paper.authors) {
    const authors = readAuthors(ctx, paper.authors, at('paper', 'authors'));
    if (authors?.length) metadata.authors = authors;
  }
  if (typeof paper.publishedAt === 'string' && paper.publishedAt.trim() !== '') {
    const day = readDay(ctx, paper.publishedAt, at('paper', 'publishedAt'));
    if (day !== 'error') metadata.publishedAt = day;
  }
  if (paper.upvotes != null) metadata.upvotes = paper.upvotes;
  if (item.numComments != null) metadata.numComments = item.numComments;
  const githubRepo = readUrl(ctx, paper.githubRepo, at('paper', 'githubRepo'), 'code repository link (githubRepo)');
  if (githubRepo) metadata.githubRepo = githubRepo;
  const projectPage = readUrl(ctx, paper.projectPage, at('paper', 'projectPage'), 'project page link (projectPage)');
  if (projectPage) metadata.projectPage = projectPage;
  if (paper.ai_keywords) {
    const keywords = readKeywords(ctx, paper.ai_keywords, at('paper', 'ai_keywords'));
    if (keywords?.length) metadata.keywords = keywords;
  }

  if (countErrors(ctx.diagnostics) > errorsBefore || typeof title !== 'object' || typeof abstract !== 'object') return undefined;
  return {
    rank: index + 1,
    title: title.text,
    abstract: abstract.text,
    titleLine: lines.get(formatJsonPath(title.path)) ?? 1,
    abstractLine: lines.get(formatJsonPath(abstract.path)) ?? 1,
    jsonPath: formatJsonPath([index]),
    paper: metadata,
  };
}

/** Where JSON.parse gave up on `text`: found again, since its message does not always say. */
function jsonErrorPlace(text: string, message: string): { line: number; column: number } {
  const position = /position (\d+)/.exec(message);
  return lineAndColumn(text, firstJsonError(text) ?? (position ? Number(position[1]) : text.length));
}

/**
 * Decodes a listing file's bytes (strict UTF-8, then JSON). The first step of
 * parseDailyPapers, exported so `npm run fetch` can tell an empty day apart.
 */
export function decodeDailyPapers(file: string, bytes: Uint8Array, date: string = dateFromFileName(file) ?? 'YYYY-MM-DD'): DecodedDailyPapers {
  if (bytes.length > MAX_FILE_BYTES) {
    return { diagnostics: [error(file, [], `the file is ${bytes.length} bytes (limit ${MAX_FILE_BYTES})`, `a real day is well under 1 MB; ${downloadAgain(date)}`)] };
  }
  const decoded = decodeUtf8(bytes);
  if ('badLine' in decoded) {
    return { diagnostics: [{ severity: 'error', file, line: decoded.badLine, message: 'the line is not valid UTF-8', hint: downloadAgain(date) }] };
  }
  const { text } = decoded;
  if (text.trim() === '') {
    return { diagnostics: [{ severity: 'error', file, line: 1, message: 'the file is empty', hint: downloadAgain(date) }] };
  }
  try {
    return { data: JSON.parse(text), text };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const { line, column } = jsonErrorPlace(text, reason);
    // V8 quotes a piece of the input in its message: keep only its own words.
    const what = reason.replace(/ in JSON at position.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
    return {
      diagnostics: [
        {
          severity: 'error',
          file,
          line,
          message: `the file is not valid JSON: ${quote(what, 120).slice(1, -1)} (line ${line}, column ${column})`,
          hint: `the download was cut short or is not a daily papers response; ${downloadAgain(date)}`,
        },
      ],
    };
  }
}

/**
 * Checks decoded JSON against the documented response and makes the listing.
 * `text` is the file's text, for the line of each title and abstract.
 */
export function readDailyPapers(file: string, date: string, data: unknown, text: string): ParseResult {
  const ctx: Context = { file, date, diagnostics: [] };
  const response = DailyPapersResponse.safeParse(data);
  if (!response.success) {
    const apiError = data !== null && typeof data === 'object' && typeof (data as { error?: unknown }).error === 'string' ? (data as { error: string }).error : undefined;
    ctx.diagnostics.push(
      error(
        file,
        [],
        apiError !== undefined
          ? `the file holds an API error message (${quote(apiError)}), not a list of papers`
          : `the file holds ${describeValue(data)}, not a list of papers (the daily papers API answers with a JSON array)`,
        downloadAgain(date),
      ),
    );
    return { listing: undefined, diagnostics: ctx.diagnostics };
  }
  if (response.data.length === 0) {
    ctx.diagnostics.push(error(file, [], 'the listing has no papers (an empty array)', `no papers were listed for ${date} when it was downloaded; delete the file, or download the day again later`));
    return { listing: undefined, diagnostics: ctx.diagnostics };
  }

  // The API sends one line: then every value is on line 1 and there is nothing to scan for.
  // Titles and abstracts are at most three levels down ([3].paper.title).
  const lines = /[\r\n]/.test(text.trimEnd()) ? lineOfEveryValue(text, 3) : new Map<string, number>();
  const entries: ListingEntry[] = [];
  const seen = new Map<string, { rank: number; index: number }>();
  response.data.forEach((raw, index) => {
    const item = DailyPapersItem.safeParse(raw);
    if (!item.success) {
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        ctx.diagnostics.push(error(file, [index], `expected an object (one paper), found ${describeValue(raw)}`, downloadAgain(date)));
      } else {
        for (const issue of item.error.issues) ctx.diagnostics.push(issueDiagnostic(ctx, raw, index, issue));
      }
      return;
    }
    const entry = readItem(ctx, item.data, index, lines);
    if (!entry) return;
    // The id is the identity when there is one: paper.title may be shortened in places.
    const id = entry.paper?.arxivId;
    const key = id ? `id ${id}` : `title ${entry.title}`;
    const earlier = seen.get(key);
    if (earlier) {
      ctx.diagnostics.push(
        warning(file, [index], `${id ? `arXiv ${id}` : quote(entry.title)} is listed twice ([${earlier.index}] and [${index}]); kept once, at rank ${earlier.rank}`, `nothing to do: the repeat is left out (delete item [${index}] to silence this)`),
      );
      return;
    }
    seen.set(key, { rank: entry.rank, index });
    entries.push(entry);
  });

  if (ctx.diagnostics.some((d) => d.severity === 'error')) return { listing: undefined, diagnostics: ctx.diagnostics };
  const listing: Listing = { date, file, entries };
  return { listing, diagnostics: ctx.diagnostics };
}

/**
 * Parses one daily papers listing. `file` is the path shown in messages and
 * must end in `YYYY-MM-DD.json`; `bytes` is the file content as received.
 */
export function parseDailyPapers(file: string, bytes: Uint8Array): ParseResult {
  const date = file.endsWith('.json') ? dateFromFileName(file) : undefined;
  if (!date) {
    return {
      listing: undefined,
      diagnostics: [error(file, [], 'the file name is not a listing day', 'name daily papers listings YYYY-MM-DD.json after the day they list, e.g. 2025-03-14.json')],
    };
  }
  const decoded = decodeDailyPapers(file, bytes, date);
  if ('diagnostics' in decoded) return { listing: undefined, diagnostics: decoded.diagnostics };
  return readDailyPapers(file, date, decoded.data, decoded.text);
}
