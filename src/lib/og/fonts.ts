/**
 * The fonts a preview card draws with: subset files from @fontsource
 * packages, never a system font, so a card looks the same on every machine.
 *
 * Each package ships a font cut into unicode-range subsets (a hundred files
 * for one CJK font). For each piece of text we pick, grapheme by grapheme,
 * the first subset in a fixed order that has it (its unicode-range says
 * where to look, its cmap decides: the ranges list characters some files
 * lack), register those files with Skia the first time any card needs
 * them, and name only them in the canvas font list. Skia falls back glyph by glyph along that list. The
 * list depends on the text alone, never on what earlier cards registered, so
 * a card gives the same pixels whatever was drawn before it. Characters no
 * subset has are left out: Skia would otherwise draw them with whatever
 * font the host has installed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { GlobalFonts } from '@napi-rs/canvas';
import { woff2Coverage } from './cmap.ts';

const require = createRequire(import.meta.url);

/** A font package, or some of its subsets. */
interface Source {
  /** The npm package. */
  pkg: string;
  /** Its file prefix (`files/<id>-<subset>-<weight>-normal.woff2`). */
  id: string;
  /** Subsets to use; all of them when left out. */
  subsets?: readonly string[];
  /** A variable font: one file for every weight. */
  variable?: boolean;
}

/** One subset file (a pair of files, 400 and 700, for static fonts). */
interface Face {
  family: string;
  files: { path: string; weight: string }[];
  /** Its unicode-range: sorted [from, to] code point pairs, flattened. */
  ranges: Uint32Array;
  /** What every one of its files has, read from their cmaps when first needed; same layout. */
  coverage?: Uint32Array[];
  registered: boolean;
}

/**
 * Alphabets first: Inter for basic Latin (the site's face), then Noto Sans
 * for Latin extensions, Greek, Cyrillic and more, Hebrew and Arabic. Emoji
 * come before symbols so that pictographs look alike whichever block they
 * are in; the Noto Sans Arabic package carries Google's Noto math and
 * symbol subsets. CJK fonts come last, in an order set by the text's
 * language (see `cjkOrder`), since they also hold Latin and symbols.
 */
const ALPHABETS: Source[] = [
  { pkg: '@fontsource/inter', id: 'inter', subsets: ['latin'] },
  { pkg: '@fontsource/noto-sans', id: 'noto-sans' },
  { pkg: '@fontsource/noto-sans-hebrew', id: 'noto-sans-hebrew', subsets: ['hebrew'] },
  { pkg: '@fontsource/noto-sans-arabic', id: 'noto-sans-arabic', subsets: ['arabic'] },
  { pkg: '@fontsource-variable/noto-emoji', id: 'noto-emoji', variable: true },
  { pkg: '@fontsource/noto-sans-arabic', id: 'noto-sans-arabic', subsets: ['math', 'symbols'] },
];

const CJK = {
  sc: { pkg: '@fontsource-variable/noto-sans-sc', id: 'noto-sans-sc', variable: true },
  tc: { pkg: '@fontsource-variable/noto-sans-tc', id: 'noto-sans-tc', variable: true },
  jp: { pkg: '@fontsource-variable/noto-sans-jp', id: 'noto-sans-jp', variable: true },
  kr: { pkg: '@fontsource-variable/noto-sans-kr', id: 'noto-sans-kr', variable: true },
} satisfies Record<string, Source>;

/**
 * Han characters are drawn in the forms of the text's language: Japanese
 * when it has kana, Korean when it has Hangul, else Simplified Chinese, with
 * Traditional Chinese for the characters only it has.
 */
function cjkOrder(text: string): { lang: string; sources: Source[] } {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return { lang: 'ja', sources: [CJK.jp, CJK.sc, CJK.tc, CJK.kr] };
  if (/\p{Script=Hangul}/u.test(text)) return { lang: 'ko', sources: [CJK.kr, CJK.sc, CJK.tc, CJK.jp] };
  return { lang: /\p{Script=Han}/u.test(text) ? 'zh' : 'en', sources: [CJK.sc, CJK.tc, CJK.jp, CJK.kr] };
}

/** Parses a CSS unicode-range (`U+0-ff,U+131,...`) into sorted [from, to] pairs. */
function parseRanges(css: string): number[][] {
  return css
    .split(',')
    .map((part) => {
      const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
      const a = Number.parseInt(from!, 16);
      return [a, to === undefined ? a : Number.parseInt(to, 16)];
    })
    .sort((x, y) => x[0]! - y[0]!);
}

const facesBySource = new Map<Source, Face[]>();

/** The subset files of a package, in the package's order. */
function facesOf(source: Source): Face[] {
  let faces = facesBySource.get(source);
  if (faces) return faces;
  const unicode = JSON.parse(readFileSync(require.resolve(`${source.pkg}/unicode.json`), 'utf8')) as Record<string, string>;
  faces = Object.entries(unicode)
    .map(([key, css]) => ({ subset: key.replace(/^\[(\d+)\]$/, '$1'), css }))
    .filter(({ subset }) => !source.subsets || source.subsets.includes(subset))
    .map(({ subset, css }) => {
      const file = (weight: string) => require.resolve(`${source.pkg}/files/${source.id}-${subset}-${weight}-normal.woff2`);
      return {
        family: `og ${source.id} ${subset}`,
        // A variable file answers every weight the card uses (400 and 700).
        files: source.variable ? [{ path: file('wght'), weight: '100 900' }] : ['400', '700'].map((weight) => ({ path: file(weight), weight })),
        ranges: Uint32Array.from(parseRanges(css).flat()),
        registered: false,
      };
    });
  facesBySource.set(source, faces);
  return faces;
}

function inRanges(r: Uint32Array, cp: number): boolean {
  let lo = 0;
  let hi = r.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < r[mid * 2]!) hi = mid - 1;
    else if (cp > r[mid * 2 + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

function covers(face: Face, cp: number): boolean {
  if (!inRanges(face.ranges, cp)) return false;
  face.coverage ??= face.files.map(({ path }) => woff2Coverage(readFileSync(path)));
  return face.coverage.every((ranges) => inRanges(ranges, cp));
}

/** The first face, in order, that has every code point of `cps`. */
function faceFor(order: readonly Source[], cps: readonly number[]): Face | undefined {
  for (const source of order) {
    for (const face of facesOf(source)) if (cps.every((cp) => covers(face, cp))) return face;
  }
  return undefined;
}

/** Faces already looked up, by language and grapheme: most cards repeat the same few hundred. */
const faceCache = new Map<string, Face | null>();

function cachedFaceFor(lang: string, order: readonly Source[], segment: string, cps: readonly number[]): Face | undefined {
  const key = `${lang} ${segment}`;
  let face = faceCache.get(key);
  if (face === undefined) {
    // Bounded, for a process that draws cards for ever.
    if (faceCache.size >= 50_000) faceCache.clear();
    face = faceFor(order, cps) ?? null;
    faceCache.set(key, face);
  }
  return face ?? undefined;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** What it takes to draw a piece of text with the bundled fonts. */
export interface TextFonts {
  /** The text without the characters no bundled font has. */
  text: string;
  /** Quoted family names for a canvas `font`, in fallback order. */
  families: string;
  /** The language to set as the canvas `lang`, so shaping never follows the host's. */
  lang: string;
}

/** Answers by text: a site draws the same site name, topics and days on card after card. */
const answers = new Map<string, TextFonts>();

/**
 * Picks the fonts for `text` and registers them. Characters no bundled font
 * has are dropped.
 */
export function fontsFor(text: string): TextFonts {
  let answer = answers.get(text);
  if (!answer) {
    // Bounded, for a process that draws cards for ever.
    if (answers.size >= 10_000) answers.clear();
    answer = pickFonts(text);
    answers.set(text, answer);
  }
  return answer;
}

function pickFonts(text: string): TextFonts {
  const { lang, sources } = cjkOrder(text);
  const order = [...ALPHABETS, ...sources];
  // Inter is always named, so that even an empty text never asks the host for a font.
  const used = new Set<Face>([facesOf(ALPHABETS[0]!)[0]!]);
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    const cps = Array.from(segment, (ch) => ch.codePointAt(0)!);
    const whole = cachedFaceFor(lang, order, segment, cps);
    if (whole) {
      used.add(whole);
      kept += segment;
      continue;
    }
    // No one font has the whole cluster (an emoji sequence newer than the
    // font, a mark on a letter from another script): draw what can be drawn.
    for (let i = 0; i < cps.length; i++) {
      const face = cachedFaceFor(lang, order, String.fromCodePoint(cps[i]!), [cps[i]!]);
      if (!face) continue;
      used.add(face);
      kept += String.fromCodePoint(cps[i]!);
    }
  }
  const faces = order.flatMap((source) => facesOf(source)).filter((face) => used.has(face));
  for (const face of faces) register(face);
  return { text: kept, families: faces.map((face) => `"${face.family}"`).join(', '), lang };
}

function register(face: Face): void {
  if (face.registered) return;
  for (const { path, weight } of face.files) {
    if (!GlobalFonts.registerFromPath(path, face.family, { weight })) throw new Error(`preview card: could not load the font ${path}`);
  }
  face.registered = true;
}
