/**
 * Where things are in a JSON file: JSON paths as people read them
 * (`[3].paper.authors[0].name`) and the line each value starts on.
 * `JSON.parse` gives values but no positions, so a listing's entries could
 * not otherwise say which line their title came from.
 */

/** A path into parsed JSON: array indexes and object keys. */
export type JsonPath = readonly PropertyKey[];

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Formats a path as `[3].paper.title`; keys that are not identifiers as `["a key"]`. */
export function formatJsonPath(path: JsonPath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** The 1-based line and column of a UTF-16 offset in `text` (CRLF, CR and LF each end a line). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** The formatted path of `key` inside the value at formatted path `parent`. */
function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (IDENTIFIER.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

/**
 * Maps the formatted path of every value in `text`, down to `maxDepth`
 * levels, to the 1-based line the value starts on. `text` must be valid JSON
 * (parse it first): the scan trusts the grammar and only tracks where it is.
 */
export function lineOfEveryValue(text: string, maxDepth = Infinity): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;

  /** Skips JSON white space, counting line ends. */
  const skipSpace = (): void => {
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) line++;
      else if (c === 0x0d) {
        if (text.charCodeAt(i + 1) !== 0x0a) line++;
      } else if (c !== 0x20 && c !== 0x09) return;
    }
  };

  /** Skips the string starting at `i` (a quote) and returns where it started. */
  const skipString = (): number => {
    const start = i;
    // Raw line breaks cannot occur inside a valid JSON string, so no line counting here.
    for (i++; text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    i++;
    return start;
  };

  /** Scans one value at `path` (formatted), `depth` levels down, recording its line. */
  const value = (path: string, depth: number): void => {
    skipSpace();
    const record = depth <= maxDepth;
    if (record) lines.set(path, line);
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */) {
      i++;
      skipSpace();
      if (text.charCodeAt(i) === 0x7d) {
        i++;
        return;
      }
      for (;;) {
        skipSpace();
        const start = skipString();
        // Keys are decoded only where paths are recorded.
        const key = record ? childPath(path, JSON.parse(text.slice(start, i)) as string) : '';
        skipSpace();
        i++; // the colon
        value(key, depth + 1);
        skipSpace();
        if (text.charCodeAt(i++) === 0x7d) return;
      }
    } else if (c === 0x5b /* [ */) {
      i++;
      skipSpace();
      if (text.charCodeAt(i) === 0x5d) {
        i++;
        return;
      }
      for (let index = 0; ; index++) {
        value(record ? childPath(path, index) : '', depth + 1);
        skipSpace();
        if (text.charCodeAt(i++) === 0x5d) return;
      }
    } else if (c === 0x22 /* " */) {
      skipString();
    } else {
      // A number, true, false or null: runs to the next delimiter or white space.
      for (; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x2c || d === 0x5d || d === 0x7d || d === 0x20 || d === 0x0a || d === 0x0d || d === 0x09) break;
      }
    }
  };

  value('', 0);
  return lines;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9A-Fa-f]{4})/y;

/**
 * The UTF-16 offset of the first place where `text` stops being JSON, or
 * undefined when it is JSON. `JSON.parse` says what went wrong, but not
 * always where ("Unexpected token" carries no position).
 */
export function firstJsonError(text: string): number | undefined {
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const matchAt = (re: RegExp): boolean => {
    re.lastIndex = i;
    if (!re.test(text)) return false;
    i = re.lastIndex;
    return true;
  };
  /** Steps over a closing bracket. */
  const close = (): true => {
    i++;
    return true;
  };
  /** Reads a string at `i`; false at the first bad character. */
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    for (i++; i < text.length; ) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        if (!matchAt(ESCAPE)) return false;
      } else i++;
    }
    return false;
  };
  /** Reads one value at `i`; false at the first bad character. */
  const value = (): boolean => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') return close();
      for (;;) {
        space();
        if (!string()) return false;
        space();
        if (text[i] !== ':') return false;
        i++;
        if (!value()) return false;
        space();
        if (text[i] === '}') return close();
        if (text[i] !== ',') return false;
        i++;
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') return close();
      for (;;) {
        if (!value()) return false;
        space();
        if (text[i] === ']') return close();
        if (text[i] !== ',') return false;
        i++;
      }
    }
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
    }
    return matchAt(NUMBER);
  };
  if (!value()) return i;
  space();
  return i < text.length ? i : undefined;
}
