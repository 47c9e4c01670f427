/**
 * Where a fixed set of ASCII "needles" (lower-case letters and digits) occur
 * in a text, found in one pass over the text for all of them at once (an
 * Aho–Corasick automaton). The classifier uses it to skip the keyword
 * patterns that cannot match, and to run the others only where a match can
 * start; running ~300 Unicode patterns over every abstract was most of the
 * generator's time.
 *
 * Text is read case-insensitively, the way a pattern with the flags `iu`
 * reads an ASCII letter or digit: each code point that simple case folding
 * maps to one is read as that letter or digit (U+017F LONG S is `s`, U+212A
 * KELVIN SIGN is `k`); every other code unit is a gap no needle spans.
 * tests/unit/classify.test.ts checks this against the regular-expression
 * engine over every code point.
 */

/** Letters a–z, then digits 0–9. */
const SYMBOLS = 36;

/** UTF-16 code unit → symbol, or -1 for a gap. */
const SYMBOL = new Int8Array(0x10000).fill(-1);
for (let i = 0; i < 26; i++) {
  SYMBOL[0x61 + i] = i;
  SYMBOL[0x41 + i] = i;
}
for (let i = 0; i < 10; i++) SYMBOL[0x30 + i] = 26 + i;
SYMBOL[0x17f] = 's'.charCodeAt(0) - 0x61;
SYMBOL[0x212a] = 'k'.charCodeAt(0) - 0x61;

/** The symbol a text character reads as, or -1 (exported for the test). */
export function symbolOf(codeUnit: number): number {
  return SYMBOL[codeUnit] ?? -1;
}

/** A compiled set of needles. */
export interface NeedleSet {
  /** Number of needles; ids run from 0. */
  size: number;
  /** Length of each needle. */
  lengths: Int32Array;
  /** 1 for the needles whose word-start positions are wanted (see NeedleHits.starts). */
  wantStarts: Uint8Array;
  /** Automaton transitions: state * SYMBOLS + symbol → state. */
  next: Int32Array;
  /** Needle ids that end in each state (including shorter needles ending there). */
  ends: (number[] | undefined)[];
  /** 1 for the states that end a needle: most do not, and a typed array is the fast test. */
  ending: Uint8Array;
}

/** What one text holds. */
export interface NeedleHits {
  /** found[id] = 1 when needle `id` occurs anywhere. */
  found: Uint8Array;
  /**
   * For needles compiled with `wantStarts`: the positions, in ascending
   * order, where the needle occurs right after a gap or at the start, i.e.
   * where no letter or digit read as one comes before it.
   */
  starts: (number[] | undefined)[];
}

/**
 * Compiles needles (each non-empty, of a–z and 0–9); needle i gets id i.
 * `wantStarts` lists the ids whose word-start positions findNeedles records.
 */
export function compileNeedles(needles: readonly string[], wantStarts: Iterable<number> = []): NeedleSet {
  // A trie first: children[state][symbol], -1 for none.
  const children: Int32Array[] = [new Int32Array(SYMBOLS).fill(-1)];
  const ends: (number[] | undefined)[] = [undefined];
  needles.forEach((needle, id) => {
    if (!/^[a-z0-9]+$/.test(needle)) throw new Error(`a needle is lower-case ASCII letters and digits, not "${needle}"`);
    let state = 0;
    for (const char of needle) {
      const symbol = SYMBOL[char.charCodeAt(0)]!;
      let child = children[state]![symbol]!;
      if (child < 0) {
        child = children.length;
        children.push(new Int32Array(SYMBOLS).fill(-1));
        ends.push(undefined);
        children[state]![symbol] = child;
      }
      state = child;
    }
    (ends[state] ??= []).push(id);
  });

  // Breadth first, fill in every missing transition from the longest proper suffix that is a trie state.
  const next = new Int32Array(children.length * SYMBOLS);
  const fail = new Int32Array(children.length);
  const queue: number[] = [];
  for (let symbol = 0; symbol < SYMBOLS; symbol++) {
    const child = children[0]![symbol]!;
    next[symbol] = child < 0 ? 0 : child;
    if (child >= 0) queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const suffixEnds = ends[fail[state]!];
    if (suffixEnds) ends[state] = [...(ends[state] ?? []), ...suffixEnds];
    for (let symbol = 0; symbol < SYMBOLS; symbol++) {
      const child = children[state]![symbol]!;
      const viaFail = next[fail[state]! * SYMBOLS + symbol]!;
      if (child < 0) {
        next[state * SYMBOLS + symbol] = viaFail;
      } else {
        next[state * SYMBOLS + symbol] = child;
        fail[child] = viaFail;
        queue.push(child);
      }
    }
  }
  const want = new Uint8Array(needles.length);
  for (const id of wantStarts) want[id] = 1;
  return {
    size: needles.length,
    lengths: Int32Array.from(needles, (n) => n.length),
    wantStarts: want,
    next,
    ends,
    ending: Uint8Array.from(ends, (e) => (e ? 1 : 0)),
  };
}

/** Finds every needle in the text, and the word starts of those that want them. */
export function findNeedles(set: NeedleSet, text: string): NeedleHits {
  const found = new Uint8Array(set.size);
  const starts: (number[] | undefined)[] = [];
  const { next, ends, ending, lengths, wantStarts } = set;
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const symbol = SYMBOL[text.charCodeAt(i)]!;
    if (symbol < 0) {
      state = 0;
      continue;
    }
    state = next[state * SYMBOLS + symbol]!;
    if (ending[state] !== 1) continue;
    for (const id of ends[state]!) {
      found[id] = 1;
      if (wantStarts[id] !== 1) continue;
      // Each symbol is one code unit, so the needle starts `length - 1` units back.
      const start = i - lengths[id]! + 1;
      if (start === 0 || SYMBOL[text.charCodeAt(start - 1)]! < 0) (starts[id] ??= []).push(start);
    }
  }
  return { found, starts };
}
