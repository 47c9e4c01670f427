/**
 * Papers written to attack the site: markup, script URLs, MDX code,
 * Markdown block syntax, entities, invisible and right-to-left characters.
 * Each paper is given as the raw line the scraper saw and the text a reader
 * must see (HTML entities decoded exactly once, nothing else changed). They
 * are the first papers of the new day of the shared new-day site
 * (tests/support/newDaySite.ts).
 */

/** One hostile paper: raw listing lines and the text the site must show. */
export interface HostilePaper {
  /** The title line as scraped. */
  rawTitle: string;
  /** The abstract line as scraped. */
  rawAbstract: string;
  /** The title a reader must see. */
  title: string;
  /** The abstract a reader must see. */
  abstract: string;
  /** A word of the title that occurs nowhere else, for searching. */
  word?: string;
}

const ZWSP = '\u200B';
const ZWNJ = '\u200C';
const ZWJ = '\u200D';
const RLM = '\u200F';

/** A paper whose raw text needs no decoding: what was scraped is what is shown. */
function verbatim(title: string, abstract: string, word?: string): HostilePaper {
  return { rawTitle: title, rawAbstract: abstract, title, abstract, ...(word ? { word } : {}) };
}

/**
 * The hostile papers, in rank order. Abstracts stay under 200 characters so
 * that excerpts and meta descriptions hold them whole.
 */
export const hostilePapers: HostilePaper[] = [
  verbatim(
    'Xylograph <script>alert(1)</script> attacks',
    'We inject <img src=x onerror=alert(1)> and <svg onload=alert(2)> and </p><script>alert(3)</script> into abstracts.',
    'Xylograph',
  ),
  verbatim(
    'Quokka links javascript:alert(1) and <a href="javascript:alert(2)">click me</a>',
    'Breaking out: "\'><svg onload=alert(4)> then ]]> ends CDATA, <!-- opens a comment, and </title><script>alert(5)</script>.',
    'Quokka',
  ),
  verbatim('import x from "y"', 'export const a = 1'),
  verbatim(
    'Zebrafinch {process.exit(1)} expressions',
    '{process.exit(1)} and {globalThis.alert(6)} as MDX expressions, <Component prop={1} /> as JSX.',
    'Zebrafinch',
  ),
  verbatim(
    '# heading Narwhal',
    '> quote with `backticks`, ```fences``` and $\\frac{a}{b}$ in it',
    'Narwhal',
  ),
  verbatim('1. item Ocelot ordered', '---', 'Ocelot'),
  verbatim(
    'Tapir links that try to break out of href',
    'Links: https://example.com/a\'onmouseover=\'alert(7) and {javascript:alert(8)} and https://example.com/"><script>alert(9)</script> end.',
    'Tapir',
  ),
  {
    rawTitle: 'Pangolin entities &amp; &lt;b&gt;bold&lt;/b&gt; &quot;quoted&quot; &#39;apos&#39;',
    rawAbstract: 'Decoded once: &amp;amp; stays &amp;amp; as text, &amp;lt;i&amp;gt; stays escaped, and &lt;b&gt; is the text <b>.',
    title: 'Pangolin entities & <b>bold</b> "quoted" \'apos\'',
    abstract: 'Decoded once: &amp; stays &amp; as text, &lt;i&gt; stays escaped, and <b> is the text <b>.',
    word: 'Pangolin',
  },
  verbatim(
    `Wombat zero${ZWSP}width${ZWNJ}non${ZWJ}joiners שלום עולם مرحبا بالعالم`,
    `Right to left: עברית and العربية with marks${RLM} and a zero${ZWSP}width space, emoji 👩${ZWJ}🔬 too.`,
    'Wombat',
  ),
];
