/**
 * Line breaking for card text, a small part of Unicode's line breaking rules
 * (UAX #14): a line may end after spaces, after a hyphen inside a word, and
 * between two Chinese or Japanese characters or emoji (which are not
 * separated by spaces), but not before closing punctuation nor after opening
 * punctuation. Korean is written with spaces and breaks at them. Text never
 * breaks inside a grapheme (an emoji sequence, a letter with its marks).
 */

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Characters written without spaces between them, each a place to break. */
const IDEOGRAPHIC = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF\u3200-\u33FF]|^\p{Extended_Pictographic}/u;
/** Never at the start of a line: closing punctuation, small kana, iteration marks. */
const NO_BREAK_BEFORE = /^[!),.:;?\]}%…‥、。，．・：；？！ー〜～）」』】〕〉》〙〗〟｝］’”ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰ-ㇿ々〻゛゜ゝゞヽヾ\u0300-\u036F\uFE0F\u200D]/u;
/** Never at the end of a line: opening punctuation. */
const NO_BREAK_AFTER = /^[([{（「『【〔〈《〘〖〝｛［‘“]/u;
const SPACE = /^\s+$/u;
const LETTER = /^\p{L}/u;
/** Hyphens a line may end on, inside a word (`Test-` / `Time`). */
const HYPHEN = /^[-\u2010\u2013]$/u;

function graphemesOf(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

function breakBetween(before2: string | undefined, before: string, after: string): boolean {
  if (SPACE.test(after)) return false;
  if (SPACE.test(before)) return true;
  if (NO_BREAK_BEFORE.test(after) || NO_BREAK_AFTER.test(before)) return false;
  if (HYPHEN.test(before)) return before2 !== undefined && LETTER.test(before2) && LETTER.test(after);
  return IDEOGRAPHIC.test(before) || IDEOGRAPHIC.test(after);
}

/**
 * Cuts text into pieces a line may end after. A piece keeps the spaces that
 * follow it, so the pieces join back into the text.
 */
export function breakPieces(text: string): string[] {
  const gs = graphemesOf(text);
  const pieces: string[] = [];
  let piece = '';
  for (let i = 0; i < gs.length; i++) {
    if (i > 0 && breakBetween(gs[i - 2], gs[i - 1]!, gs[i]!)) {
      pieces.push(piece);
      piece = '';
    }
    piece += gs[i];
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * Fills lines greedily with `pieces` (from `breakPieces`), each line at most
 * `maxWidth` wide as `width` measures it (without the spaces it ends on). A
 * piece wider than a line on its own is cut between graphemes. Lines come
 * back without their trailing spaces.
 */
export function wrapLines(pieces: readonly string[], width: (s: string) => number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  const place = (piece: string) => {
    const fit = lineWidth + width(piece.trimEnd());
    if (line && fit > maxWidth) {
      lines.push(line.trimEnd());
      line = '';
      lineWidth = 0;
    }
    if (!line && width(piece.trimEnd()) > maxWidth) {
      // A word longer than a line: fill lines with as much of it as fits.
      for (const g of graphemesOf(piece)) {
        if (line && lineWidth + width(g) > maxWidth && !SPACE.test(g)) {
          lines.push(line.trimEnd());
          line = '';
          lineWidth = 0;
        }
        line += g;
        lineWidth += width(g);
      }
      return;
    }
    line += piece;
    lineWidth += width(piece);
  };
  for (const piece of pieces) place(piece);
  if (line.trimEnd()) lines.push(line.trimEnd());
  return lines;
}

/** Shortens `text` by graphemes until it and an ellipsis fit in `maxWidth`. */
export function ellipsize(text: string, width: (s: string) => number, maxWidth: number): string {
  if (width(text) <= maxWidth) return text;
  const gs = graphemesOf(text);
  while (gs.length > 0 && width(`${gs.join('').trimEnd()}…`) > maxWidth) gs.pop();
  return `${gs.join('').trimEnd()}…`;
}
