/**
 * The 1200×630 preview image shown when a paper is shared: its title, topics,
 * first-listed day and the site name, drawn with Skia (@napi-rs/canvas) and
 * written as an indexed PNG.
 *
 * Text is only ever passed to `fillText` and `measureText`: it is data,
 * never markup. Fonts come from npm packages (see fonts.ts), so the title is
 * drawn whole in any script the card supports, CJK and emoji included.
 *
 * Drawing is synchronous and reuses one canvas and one buffer of palette
 * indices for the life of the process, so memory stays flat however many
 * cards are drawn.
 */
import { createCanvas, PngFilter, type SKRSContext2D } from '@napi-rs/canvas';
import { fontsFor, type TextFonts } from './fonts.ts';
import { breakPieces, ellipsize, wrapLines } from './lineBreak.ts';
import { makePalette, rgb } from './palette.ts';
import { encodeIndexedPng, readUnfilteredPng } from './png.ts';

import { CARD_HEIGHT, CARD_WIDTH, type PreviewCard } from './card.ts';

export { CARD_FORMAT, CARD_HEIGHT, CARD_MEDIA_TYPE, CARD_VERSION, CARD_WIDTH, type PreviewCard } from './card.ts';

const PAD_X = 72;
const PAD_Y = 64;
const INNER_WIDTH = CARD_WIDTH - 2 * PAD_X;
const INNER_HEIGHT = CARD_HEIGHT - 2 * PAD_Y;

/** Inter's ascent and descent, per unit of font size: where a line's baseline sits in its box. */
const ASCENT = 1984 / 2048;
const DESCENT = 494 / 2048;
const NORMAL_LINE = ASCENT + DESCENT;
const TITLE_LINE = 1.15;

const COLOURS = {
  background: '#0f172a',
  site: '#93c5fd',
  title: '#f8fafc',
  date: '#94a3b8',
  chip: '#1e3a8a',
  chipText: '#dbeafe',
} as const;

/** Title sizes, largest first: the title starts at the size its length calls for and shrinks until it fits. */
const TITLE_SIZES = [64, 54, 44, 36] as const;
const MAX_TITLE_CHARS = 220;

const SITE_SIZE = 28;
const CHIP_SIZE = 26;
const CHIP_PAD_X = 22;
const CHIP_PAD_Y = 6;
const CHIP_GAP = 12;
const CHIP_HEIGHT = Math.round(CHIP_SIZE * NORMAL_LINE + 2 * CHIP_PAD_Y);
const MAX_CHIPS = 4;
const DATE_SIZE = 24;
const DATE_GAP = 20;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The text as the card draws it: canonically composed, whitespace runs as one
 * space, and without characters that no bundled font has (unassigned code
 * points, control characters, scripts the card does not carry), which would
 * otherwise be drawn with whatever fonts the host has.
 */
export function cardText(text: string): string {
  return fontsFor(text.normalize('NFC').replace(/\s+/gu, ' ').trim())
    .text.replace(/ {2,}/g, ' ')
    .trim();
}

/** The size the title starts at, by its length. */
function titleSize(title: string): (typeof TITLE_SIZES)[number] {
  if (title.length < 50) return 64;
  if (title.length < 90) return 54;
  if (title.length < 140) return 44;
  return 36;
}

/** The title cut to at most MAX_TITLE_CHARS, between graphemes, with an ellipsis. */
function clip(text: string): string {
  if (text.length <= MAX_TITLE_CHARS) return text;
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    if (out.length + segment.length > MAX_TITLE_CHARS - 1) break;
    out += segment;
  }
  return `${out.trimEnd()}…`;
}

/** Text widths by font and text: titles share most of their words. */
const widths = new Map<string, number>();

function measurer(ctx: SKRSContext2D, font: string): (s: string) => number {
  return (s) => {
    const key = `${font}\n${s}`;
    let w = widths.get(key);
    if (w === undefined) {
      // Bounded, for a process that draws cards for ever.
      if (widths.size >= 100_000) widths.clear();
      ctx.font = font;
      w = ctx.measureText(s).width;
      widths.set(key, w);
    }
    return w;
  };
}

/** Text in a font: what to draw it with, and how wide a piece of it is. */
interface Styled {
  fonts: TextFonts;
  font: string;
  colour: string;
  width: (s: string) => number;
}

function style(ctx: SKRSContext2D, text: string, weight: 400 | 700, size: number, colour: string): Styled {
  const fonts = fontsFor(text);
  const font = `${weight} ${size}px ${fonts.families}`;
  return { fonts, font, colour, width: measurer(ctx, font) };
}

/**
 * The baseline of a line of `size` type in a box of `height` starting at
 * `top` (CSS half-leading), on a whole pixel: the flat tops and bottoms of
 * letters then fall on pixel edges, sharper and with fewer shades to store.
 */
function baseline(top: number, height: number, size: number): number {
  return Math.round(top + (height - size * NORMAL_LINE) / 2 + size * ASCENT);
}

/** A line of text, at its baseline. */
interface Line {
  styled: Styled;
  text: string;
  x: number;
  y: number;
}

/** A pill behind a topic. */
interface Pill {
  x: number;
  y: number;
  width: number;
}

/** A horizontal band of the card, from `top` to `bottom`, and what is drawn in it. */
interface Block {
  top: number;
  bottom: number;
  pills: Pill[];
  lines: Line[];
}

/** The largest size, from the one its length calls for, at which the title fits in `height`; at the smallest, lines past the last that fits are cut with an ellipsis. */
function wrapTitle(ctx: SKRSContext2D, title: string, height: number): { styled: Styled; size: number; lines: string[] } {
  const sizes = TITLE_SIZES.filter((size) => size <= titleSize(title));
  const pieces = breakPieces(title);
  for (const size of sizes) {
    const styled = style(ctx, title, 700, size, COLOURS.title);
    const lines = wrapLines(pieces, styled.width, INNER_WIDTH);
    const fits = Math.max(1, Math.floor(height / (size * TITLE_LINE)));
    if (lines.length <= fits) return { styled, size, lines };
    if (size === sizes.at(-1)) {
      const kept = lines.slice(0, fits);
      kept[fits - 1] = ellipsize(`${kept[fits - 1]}…`, styled.width, INNER_WIDTH);
      return { styled, size, lines: kept };
    }
  }
  throw new Error('unreachable');
}

/** Where everything goes, as the satori layout before it placed it: a column with space between its three parts. */
function layout(ctx: SKRSContext2D, card: PreviewCard): Block[] {
  const single = (text: string, weight: 400 | 700, size: number, colour: string, top: number, maxWidth = INNER_WIDTH): Line => {
    const styled = style(ctx, cardText(text), weight, size, colour);
    return { styled, text: ellipsize(styled.fonts.text, styled.width, maxWidth), x: PAD_X, y: baseline(top, size * NORMAL_LINE, size) };
  };

  const siteBottom = PAD_Y + SITE_SIZE * NORMAL_LINE;
  const site: Block = { top: PAD_Y, bottom: siteBottom, pills: [], lines: [single(card.siteTitle, 700, SITE_SIZE, COLOURS.site, PAD_Y)] };

  // Chips flow in rows as CSS flex-wrap would; the date goes under them.
  // Pills sit on whole pixels, for sharp edges.
  const chips: { chip: Line; width: number }[][] = [];
  let rowWidth = 0;
  for (const topic of card.topics.slice(0, MAX_CHIPS)) {
    const chip = single(topic, 400, CHIP_SIZE, COLOURS.chipText, 0, INNER_WIDTH - 2 * CHIP_PAD_X);
    if (!chip.text) continue;
    const width = Math.ceil(chip.styled.width(chip.text)) + 2 * CHIP_PAD_X;
    const row = chips.at(-1);
    if (row && rowWidth + CHIP_GAP + width <= INNER_WIDTH) {
      chip.x = PAD_X + rowWidth + CHIP_GAP;
      row.push({ chip, width });
      rowWidth += CHIP_GAP + width;
    } else {
      chips.push([{ chip, width }]);
      rowWidth = width;
    }
  }
  const dateTop = CARD_HEIGHT - PAD_Y - DATE_SIZE * NORMAL_LINE;
  const chipsTop = Math.round(dateTop - DATE_GAP - (chips.length * CHIP_HEIGHT + Math.max(0, chips.length - 1) * CHIP_GAP));
  // The site card has no date: its bottom line stays empty.
  const bottom: Block = { top: chipsTop, bottom: CARD_HEIGHT - PAD_Y, pills: [], lines: card.date ? [single(`First listed ${card.date}`, 400, DATE_SIZE, COLOURS.date, dateTop)] : [] };
  chips.forEach((row, r) => {
    const top = chipsTop + r * (CHIP_HEIGHT + CHIP_GAP);
    for (const { chip, width } of row) {
      bottom.pills.push({ x: chip.x, y: top, width });
      bottom.lines.push({ ...chip, x: chip.x + CHIP_PAD_X, y: baseline(top + CHIP_PAD_Y, CHIP_SIZE * NORMAL_LINE, CHIP_SIZE) });
    }
  });

  // The title sits between the two, with as much space above as below.
  const room = chipsTop - siteBottom;
  const { styled, size, lines } = wrapTitle(ctx, clip(cardText(card.title) || cardText(card.siteTitle)), room);
  const lineHeight = size * TITLE_LINE;
  const titleTop = siteBottom + (room - lines.length * lineHeight) / 2;
  const title: Block = {
    top: titleTop,
    bottom: titleTop + lines.length * lineHeight,
    pills: [],
    lines: lines.map((text, i) => ({ styled, text, x: PAD_X, y: baseline(titleTop + i * lineHeight, lineHeight, size) })),
  };
  return [site, title, bottom];
}

/**
 * Shades from each colour to the one under it. An edge pixel is off by at
 * most half a step: under 5% of the contrast in the title, whose large type
 * shows its edges most, and 10% in the small type, which does not show at
 * the card's size. Fewer shades compress better.
 */
const TITLE_STEPS = 12;
const SMALL_STEPS = 6;

/** The pairs of colours the card puts one on the other. */
const palette = makePalette(COLOURS.background, [
  { fg: COLOURS.title, bg: COLOURS.background, steps: TITLE_STEPS },
  { fg: COLOURS.site, bg: COLOURS.background, steps: SMALL_STEPS },
  { fg: COLOURS.date, bg: COLOURS.background, steps: SMALL_STEPS },
  { fg: COLOURS.chip, bg: COLOURS.background, steps: SMALL_STEPS },
  { fg: COLOURS.chipText, bg: COLOURS.chip, steps: SMALL_STEPS },
]);

/**
 * zlib level of the card's PNG. Level 6 takes about a third of the time a
 * card takes; 9 takes ten times as long for a few per cent less, and
 * levels under 4 make files a quarter larger.
 */
const ZLIB_LEVEL = 6;

/**
 * Glyphs reach a little past their line box (accents, emoji, the title's
 * line height being under the font's); this much room around each band
 * keeps them whole.
 */
const MARGIN = 12;
const SURFACE_X = PAD_X - MARGIN;
const SURFACE_WIDTH = INNER_WIDTH + 2 * MARGIN;

/**
 * The canvas holds the card's bands one under the other, without the empty
 * space between them: reading the pixels back costs by the row, and a card
 * is mostly background.
 */
const canvas = createCanvas(SURFACE_WIDTH, INNER_HEIGHT + 2 * MARGIN);
const ctx = canvas.getContext('2d', { alpha: false });
/** Palette indices of the card, each row led by its PNG filter byte (0). */
const indices = Buffer.alloc(CARD_HEIGHT * (CARD_WIDTH + 1));

/** A band of card rows, [top, bottom), drawn on the canvas from row `at`. */
interface Band {
  top: number;
  bottom: number;
  at: number;
}

/** The bands to draw: each block and its margin, merged where they meet. */
function bands(blocks: readonly Block[]): Band[] {
  const out: Band[] = [];
  for (const block of blocks) {
    const top = Math.max(0, Math.floor(block.top) - MARGIN);
    const bottom = Math.min(CARD_HEIGHT, Math.ceil(block.bottom) + MARGIN);
    const last = out.at(-1);
    if (last && top <= last.bottom) last.bottom = Math.max(last.bottom, bottom);
    else out.push({ top, bottom, at: last ? last.at + last.bottom - last.top : 0 });
  }
  return out;
}

function paint(blocks: readonly Block[], layout: readonly Band[]): void {
  const height = layout.reduce((sum, band) => sum + band.bottom - band.top, 0);
  if (canvas.height !== height) canvas.height = height;
  ctx.resetTransform();
  ctx.fillStyle = COLOURS.background;
  ctx.fillRect(0, 0, SURFACE_WIDTH, height);
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  ctx.direction = 'ltr';
  for (const block of blocks) {
    const band = layout.find((b) => b.top <= block.top && block.bottom <= b.bottom)!;
    ctx.save();
    // Card coordinates, clipped to the band, so that nothing spills into the band drawn below it.
    ctx.translate(-SURFACE_X, band.at - band.top);
    ctx.beginPath();
    ctx.rect(SURFACE_X, band.top, SURFACE_WIDTH, band.bottom - band.top);
    ctx.clip();
    ctx.fillStyle = COLOURS.chip;
    for (const pill of block.pills) {
      ctx.beginPath();
      ctx.roundRect(pill.x, pill.y, pill.width, CHIP_HEIGHT, CHIP_HEIGHT / 2);
      ctx.fill();
    }
    for (const { styled, text, x, y } of block.lines) {
      ctx.font = styled.font;
      ctx.lang = styled.fonts.lang;
      ctx.fillStyle = styled.colour;
      // maxWidth squeezes a line should shaping make it a hair wider than its measured pieces.
      ctx.fillText(text, x, y, INNER_WIDTH);
    }
    ctx.restore();
  }
}

/** Pixels as read from memory: RGBA bytes as one 32-bit number in the machine's byte order. */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
const BACKGROUND_WORD = new Uint32Array(Uint8Array.of(...[16, 8, 0].map((s) => (rgb(COLOURS.background) >> s) & 255), 255).buffer)[0]!;

/**
 * Palette index + 1 of each colour met so far (by its RGB bytes as a 24-bit
 * number in memory order), 0 for one not met yet. 16 MB of address space,
 * but only the pages of the colours cards really have (a few thousand, on a
 * few lines through the colour cube) take memory.
 */
const seen = new Uint8Array(1 << 24);

function learn(key: number): number {
  // Back to 0xRRGGBB from memory order.
  const colour = LITTLE_ENDIAN ? ((key & 255) << 16) | (key & 0xff00) | (key >> 16) : key;
  const index = palette.indexOf(colour);
  seen[key] = index + 1;
  return index;
}

/** An unfiltered PNG row of background only. */
const BACKGROUND_ROW = Buffer.concat([Buffer.of(0), Buffer.from(new Uint32Array(SURFACE_WIDTH).fill(BACKGROUND_WORD).buffer)]);

/** One canvas row, copied to where it can be read a pixel at a time. */
const row32 = new Uint32Array(SURFACE_WIDTH);
const row8 = new Uint8Array(row32.buffer);

/** Maps the canvas's pixels to palette indices and writes the indexed PNG. */
function encode(layout: readonly Band[]): Uint8Array<ArrayBuffer> {
  // Skia's PNG at zlib level 1, unfiltered, is the fastest way to read the pixels out.
  const { width, channels, rows } = readUnfilteredPng(canvas.encodeSync('png', { compressionLevel: 1, filters: PngFilter.None }));
  if (channels !== 4 || width !== SURFACE_WIDTH) throw new Error('Skia wrote a PNG of another layout than RGBA');
  const stride = 1 + width * 4;
  indices.fill(0);
  for (const band of layout) {
    for (let y = band.top; y < band.bottom; y++) {
      const start = (band.at + y - band.top) * stride;
      // Most rows are background only: compare them whole, natively.
      if (rows.compare(BACKGROUND_ROW, 0, stride, start, start + stride) === 0) continue;
      row8.set(rows.subarray(start + 1, start + stride));
      const out = y * (CARD_WIDTH + 1) + 1 + SURFACE_X;
      for (let x = 0; x < width; x++) {
        const word = row32[x]!;
        // Background, most of every row, is index 0 already.
        if (word === BACKGROUND_WORD) continue;
        const key = LITTLE_ENDIAN ? word & 0xffffff : word >>> 8;
        const index = seen[key]!;
        indices[out + x] = index === 0 ? learn(key) : index - 1;
      }
    }
  }
  // A copy into a plain ArrayBuffer-backed array, as Response bodies require.
  return new Uint8Array(encodeIndexedPng(CARD_WIDTH, CARD_HEIGHT, palette.rgb, indices, ZLIB_LEVEL));
}

/**
 * Draws the card and returns PNG bytes, synchronously. The buffers Skia
 * hands back are freed by finalizers that Node runs from the event loop:
 * a loop drawing many cards must let the event loop turn between them (as
 * `renderPreviewCard` does), or memory grows with every card until it does.
 */
export function renderPreviewCardSync(card: PreviewCard): Uint8Array<ArrayBuffer> {
  const blocks = layout(ctx, card);
  const layoutBands = bands(blocks);
  paint(blocks, layoutBands);
  return encode(layoutBands);
}

/**
 * Draws the card and returns PNG bytes, then lets the event loop turn once,
 * so that Skia's buffers are freed as cards are drawn (see
 * `renderPreviewCardSync`) and one process can draw any number of them.
 */
export async function renderPreviewCard(card: PreviewCard): Promise<Uint8Array<ArrayBuffer>> {
  const png = renderPreviewCardSync(card);
  await new Promise((resolve) => setImmediate(resolve));
  return png;
}
