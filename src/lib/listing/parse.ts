/**
 * Parse one scraped listing (`content/listings/YYYY-MM-DD.txt`) into typed
 * entries that remember their source lines, plus diagnostics.
 *
 * The format is the text of a "trending papers" page: some header lines of
 * page chrome, a date line such as `Mar 11`, then blank-line separated pairs
 * of a title line and an abstract line in trending order. Every byte is
 * untrusted, so this stage decides what text is acceptable at all.
 */
import { decodeHTML } from 'entities';
import { BIDI_CONTROL, CONTROL, codePointName } from '../text/characters.ts';
import { isDateLine, parseDateLine } from './dateLine.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { Listing, ListingEntry } from './schema.ts';

/** Longest accepted line, in characters; real abstracts stay below 3,000. */
export const MAX_LINE_LENGTH = 20_000;

/** Longest accepted title; longer "titles" are abstracts out of step. */
export const MAX_TITLE_LENGTH = 400;

/** `2025-03-11.txt` (a scraped page) or `2025-03-11.json` (a daily papers API response). */
const FILE_NAME = /(?:^|[\\/])(\d{4})-(\d{2})-(\d{2})\.(?:txt|json)$/;

/** The result of parsing: a listing when there were no errors, and every finding. */
export interface ParseResult {
  listing: Listing | undefined;
  diagnostics: Diagnostic[];
}

/** Reads the day a listing file (`YYYY-MM-DD.txt` or `.json`) is for from its name, or undefined. */
export function dateFromFileName(file: string): string | undefined {
  const m = FILE_NAME.exec(file);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const iso = `${y}-${mo}-${d}`;
  const date = new Date(`${iso}T00:00:00Z`);
  // Reject 2025-02-30 and friends: Date rolls them over.
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/**
 * Decodes bytes as strict UTF-8. On failure, returns the 1-based line holding
 * the first invalid sequence so the message can point at it.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { badLine: number } {
  let start = 0;
  // A UTF-8 byte order mark is harmless: drop it.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    // Count lines the way the text is split later: CRLF, CR and LF all end a line.
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i <= body.length; i++) {
      if (i === body.length || body[i] === 0x0a || body[i] === 0x0d) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(lineStart, i));
        } catch {
          return { badLine: line };
        }
        if (body[i] === 0x0d && body[i + 1] === 0x0a) i++;
        line++;
        lineStart = i + 1;
      }
    }
    return { badLine: line };
  }
}

/** Makes an error diagnostic for `file`. */
function error(file: string, line: number, message: string, hint: string): Diagnostic {
  return { severity: 'error', file, line, message, hint };
}

/** Makes a warning diagnostic for `file`. */
function warning(file: string, line: number, message: string, hint: string): Diagnostic {
  return { severity: 'warning', file, line, message, hint };
}

/** Decodes HTML entities exactly once, composes to NFC and collapses white space. */
export function cleanText(raw: string): string {
  const text = decodeHTML(raw).normalize('NFC');
  // Collapsing rewrites every space of every abstract; only a tab or two spaces in a row change anything.
  return (text.includes('\t') || text.includes('  ') ? text.replace(/[\t ]+/g, ' ') : text).trim();
}

/**
 * Parses one listing. `file` is the path shown in messages and must end in
 * `YYYY-MM-DD.txt`; `input` is the raw file content.
 */
export function parseListing(file: string, input: Uint8Array | string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  // A .json name is a day too, but of the other format (dailyPapers.ts).
  const date = file.endsWith('.txt') ? dateFromFileName(file) : undefined;
  if (!date) {
    diagnostics.push(
      error(file, 0, 'the file name is not a listing day', 'name listing files YYYY-MM-DD.txt after the day they list, e.g. 2025-03-11.txt'),
    );
    return { listing: undefined, diagnostics };
  }

  let text: string;
  if (typeof input === 'string') {
    text = input.replace(/^\uFEFF/, '');
    if (!text.isWellFormed()) {
      const line = text.split(/\r\n|\r|\n/).findIndex((l) => !l.isWellFormed()) + 1;
      diagnostics.push(error(file, line, 'the line holds a lone UTF-16 surrogate (broken text)', 'save the file as UTF-8 and re-copy the text of this line'));
      return { listing: undefined, diagnostics };
    }
  } else {
    const decoded = decodeUtf8(input);
    if ('badLine' in decoded) {
      diagnostics.push(
        error(file, decoded.badLine, 'the line is not valid UTF-8', 'save the listing as UTF-8, or re-copy this line from the page'),
      );
      return { listing: undefined, diagnostics };
    }
    text = decoded.text;
  }

  if (text.trim() === '') {
    diagnostics.push(error(file, 1, 'the file is empty', 'paste the scraped page into it: the header, the date line (e.g. "Mar 11"), then a title line and an abstract line for each paper'));
    return { listing: undefined, diagnostics };
  }

  // CRLF and bare CR endings are accepted: scrapes come from every platform.
  const lines = text.split(/\r\n|\r|\n/);

  let fatal = false;
  lines.forEach((line, i) => {
    if (line.length > MAX_LINE_LENGTH) {
      diagnostics.push(
        error(file, i + 1, `the line is ${line.length} characters long (limit ${MAX_LINE_LENGTH})`, 'check the scrape: a real title or abstract is far shorter; split or shorten the line'),
      );
      fatal = true;
    }
    const control = CONTROL.exec(line);
    if (control) {
      diagnostics.push(
        error(file, i + 1, `the line holds the control character ${codePointName(control[0])} at column ${control.index + 1}`, 'delete the invisible control character (NUL and friends never belong in a listing)'),
      );
      fatal = true;
    }
  });
  if (fatal) return { listing: undefined, diagnostics };

  // The header ends at the first line that reads as a date.
  const dateIndex = lines.findIndex((l) => isDateLine(l.trim()));
  if (dateIndex < 0) {
    diagnostics.push(
      error(file, 1, 'no date line (such as "Mar 11") was found', 'keep the date line of the page above the first title; it separates the page header from the papers'),
    );
    return { listing: undefined, diagnostics };
  }
  const written = parseDateLine(lines[dateIndex]!.trim())!;
  const [fy, fm, fd] = date.split('-').map(Number);
  if (written.month !== fm || written.day !== fd || (written.year !== undefined && written.year !== fy)) {
    diagnostics.push(
      error(file, dateIndex + 1, `the header says "${lines[dateIndex]!.trim()}" but the file name says ${date}`, 'rename the file after the day on its date line, or correct the date line'),
    );
    return { listing: undefined, diagnostics };
  }

  const content: { text: string; line: number }[] = [];
  for (let i = dateIndex + 1; i < lines.length; i++) {
    const trimmed = lines[i]!.trim();
    if (trimmed !== '') content.push({ text: trimmed, line: i + 1 });
  }
  if (content.length === 0) {
    diagnostics.push(
      error(file, dateIndex + 1, 'the listing has a date line but no papers after it', 'paste the papers below the date line: a title line, then its abstract line, for each paper'),
    );
    return { listing: undefined, diagnostics };
  }

  const entries: ListingEntry[] = [];
  const seen = new Map<string, ListingEntry>();
  for (let i = 0; i < content.length; i += 2) {
    const title = content[i]!;
    const abstract = content[i + 1];
    if (title.text.length > MAX_TITLE_LENGTH) {
      diagnostics.push(
        error(file, title.line, `a title was expected here but the line is ${title.text.length} characters long, so it reads as an abstract; titles and abstracts are out of step from here on`, `look just above line ${title.line}: a title is missing its abstract, or this abstract is missing its title; every paper needs a title line followed by an abstract line`),
      );
      return { listing: undefined, diagnostics };
    }
    if (!abstract) {
      diagnostics.push(
        error(file, title.line, `the title "${truncate(title.text)}" has no abstract after it`, 'add the abstract line after the title, or delete the title'),
      );
      return { listing: undefined, diagnostics };
    }
    const entry: ListingEntry = {
      rank: i / 2 + 1,
      title: cleanText(title.text),
      abstract: cleanText(abstract.text),
      titleLine: title.line,
      abstractLine: abstract.line,
    };
    for (const [field, line] of [['title', entry.titleLine], ['abstract', entry.abstractLine]] as const) {
      const value = entry[field];
      const control = CONTROL.exec(value);
      if (control) {
        diagnostics.push(error(file, line, `an HTML entity in the ${field} decodes to the control character ${codePointName(control[0])}`, 'delete the entity: control characters never belong in a listing'));
        return { listing: undefined, diagnostics };
      }
      const bidi = value.match(BIDI_CONTROL);
      if (bidi) {
        diagnostics.push(
          warning(file, line, `the ${field} holds bidirectional control characters (${[...new Set(bidi)].map(codePointName).join(', ')}) that can make text display differently from what it is ("Trojan Source")`, 'they are kept but isolated on every page; delete them if the title does not need them'),
        );
      }
    }
    const earlier = seen.get(entry.title);
    if (earlier) {
      diagnostics.push(
        warning(file, entry.titleLine, `"${truncate(entry.title)}" is listed twice (lines ${earlier.titleLine} and ${entry.titleLine}); kept once, at rank ${earlier.rank}`, `delete lines ${entry.titleLine}-${entry.abstractLine} if the repeat is a scraping accident`),
      );
      continue;
    }
    seen.set(entry.title, entry);
    entries.push(entry);
  }

  return { listing: { date, file, entries }, diagnostics };
}

/** Shortens text for a message. */
function truncate(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
