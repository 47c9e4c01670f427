/**
 * The 1200×630 preview image shown when a paper is shared: its title, topics,
 * first-listed day and the site name, drawn with satori (layout → SVG) and
 * resvg (SVG → PNG). Text is passed as data to satori, never as markup.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';

/** What the card shows. */
export interface PreviewCard {
  title: string;
  topics: string[];
  date: string;
  siteTitle: string;
}

/** Bump when the design changes, so cached images are redrawn. */
export const CARD_VERSION = 2;

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

const require = createRequire(import.meta.url);

/** Font files from @fontsource packages: Inter first, then Noto for other alphabets. */
const FONT_FILES = [
  ['Inter', '@fontsource/inter/files/inter-latin'],
  ['Noto Sans Latin Ext', '@fontsource/noto-sans/files/noto-sans-latin-ext'],
  ['Noto Sans Greek', '@fontsource/noto-sans/files/noto-sans-greek'],
  ['Noto Sans Cyrillic', '@fontsource/noto-sans/files/noto-sans-cyrillic'],
  ['Noto Sans Hebrew', '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew'],
  ['Noto Sans Arabic', '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic'],
] as const;

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;

/** Loads the fonts once; satori falls back through them glyph by glyph. */
function loadFonts() {
  fonts ??= FONT_FILES.flatMap(([name, file]) =>
    ([400, 700] as const).map((weight) => ({ name, data: readFileSync(require.resolve(`${file}-${weight}-normal.woff`)), weight, style: 'normal' as const })),
  );
  return fonts;
}

/**
 * Scripts no bundled font covers (CJK, emoji) are left off the card rather
 * than drawn as empty boxes; the page itself shows the full title.
 */
export function cardText(text: string): string {
  return text
    .replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Shrinks the title's type as it gets longer, so it always fits. */
function titleSize(title: string): number {
  if (title.length < 50) return 64;
  if (title.length < 90) return 54;
  if (title.length < 140) return 44;
  return 36;
}

/** Draws the card and returns PNG bytes. */
export async function renderPreviewCard(card: PreviewCard): Promise<Uint8Array<ArrayBuffer>> {
  const el = (type: string, style: Record<string, unknown>, children: unknown) => ({ type, props: { style, children } });
  const text = cardText(card.title) || card.siteTitle;
  const title = text.length > 220 ? `${text.slice(0, 219)}…` : text;
  const tree = el(
    'div',
    { width: CARD_WIDTH, height: CARD_HEIGHT, boxSizing: 'border-box', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: '64px 72px', background: '#0f172a', color: '#f8fafc', fontFamily: FONT_FILES.map(([name]) => name).join(', ') },
    [
      el('div', { display: 'flex', fontSize: 28, color: '#93c5fd', fontWeight: 700 }, card.siteTitle),
      el('div', { display: 'flex', width: CARD_WIDTH - 144, fontSize: titleSize(title), fontWeight: 700, lineHeight: 1.15 }, title),
      el('div', { display: 'flex', flexDirection: 'column', gap: 20 }, [
        el(
          'div',
          { display: 'flex', flexWrap: 'wrap', gap: 12 },
          card.topics.slice(0, 4).map((t) => el('div', { display: 'flex', fontSize: 26, background: '#1e3a8a', color: '#dbeafe', borderRadius: 999, padding: '6px 22px' }, t)),
        ),
        el('div', { display: 'flex', fontSize: 24, color: '#94a3b8' }, `First listed ${card.date}`),
      ]),
    ],
  );
  const svg = await satori(tree as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: loadFonts() });
  // A copy into a plain ArrayBuffer-backed array, as Response bodies require.
  return new Uint8Array(new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng());
}
