/**
 * The excerpt under a search result: words of the abstract around the
 * query's matches, never the title again (the result shows it above). A
 * paper's search document marks where its abstract starts with an empty
 * element `id="abstract"`, which Pagefind reports as an anchor with its
 * word position. Words are split as Pagefind splits them, so its match
 * locations point at the right words. No DOM and no Node modules here: the
 * search page's client imports it and renders the parts as text nodes.
 */

/** The id of the empty element before a paper's abstract, in its page and its search document. */
export const ABSTRACT_ANCHOR = 'abstract';

/** Pagefind's own word separators (its `word_separators`). */
const WORDS = /[^\S\uFEFF]+/g;

/** A run of excerpt text, marked when it is a matched word. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** What the excerpt is made from: a Pagefind result's data. */
export interface ExcerptSource {
  /** The page's text, unescaped (`raw_content`). */
  content: string;
  /** Word positions of the query's matches. */
  locations: readonly number[];
  anchors?: readonly { id?: string; location: number }[];
}

/**
 * The excerpt: `length` words of the abstract, placed to hold the most
 * matches (the first such window), with an ellipsis where text was cut.
 */
export function abstractExcerpt(source: ExcerptSource, length = 30): ExcerptPart[] {
  const words = source.content.split(WORDS);
  const start = source.anchors?.find((a) => a.id === ABSTRACT_ANCHOR)?.location ?? 0;
  const end = words.length;
  const marked = new Set(source.locations.filter((l) => l >= start && l < end));
  // The window of `length` words holding the most matches; at the abstract's start when none does.
  let from = start;
  let best = 0;
  let count = 0;
  for (let i = start; i < end; i++) {
    if (marked.has(i)) count++;
    if (i - length >= start && marked.has(i - length)) count--;
    if (count > best) {
      best = count;
      from = Math.max(start, i - length + 1);
    }
  }
  // The matches of the best window, centred in it, with as much text as fits around them.
  const inWindow = [...marked].filter((l) => l >= from && l < from + length);
  if (inWindow.length > 0) {
    const middle = (Math.min(...inWindow) + Math.max(...inWindow)) / 2;
    from = Math.max(start, Math.min(end - length, Math.round(middle - length / 2)));
  }
  // A window that starts just past the abstract's start begins at the start instead of behind an ellipsis.
  if (from - start < 3) from = start;
  const to = Math.min(end, from + length);
  const parts: ExcerptPart[] = [];
  const push = (text: string, mark: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.mark === mark && !mark) last.text += text;
    else parts.push({ text, mark });
  };
  if (from > start) push('… ', false);
  for (let i = from; i < to; i++) {
    if (i > from) push(' ', false);
    push(words[i]!, marked.has(i));
  }
  if (to < end) push(' …', false);
  return parts;
}
