/**
 * Preview cards: a 1200×630 indexed PNG under the size budget, the same
 * bytes every time, every title drawn whole in the scripts the bundled fonts
 * cover (CJK and emoji included, read from the fonts' own character tables),
 * text drawn as text, and lines that stay inside the card.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { CARD_FORMAT, CARD_HEIGHT, CARD_MEDIA_TYPE, CARD_WIDTH, cardText, renderPreviewCard, renderPreviewCardSync, type PreviewCard } from '../../src/lib/og/previewCard.ts';

const card = (title: string, topics = ['Language Models', 'Reasoning & Agents']): PreviewCard => ({ title, topics, date: '11 March 2025', siteTitle: 'Trending Papers' });

/** The card's pixels, and a test for a pixel that is not background (#0f172a). */
async function pixels(png: Uint8Array) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const inked = (x: number, y: number) => {
    const i = (y * info.width + x) * 3;
    return data[i] !== 0x0f || data[i + 1] !== 0x17 || data[i + 2] !== 0x2a;
  };
  return { data, inked };
}

/** Inked pixels in a rectangle of the card. */
async function inkIn(png: Uint8Array, x0: number, y0: number, x1: number, y1: number): Promise<number> {
  const { inked } = await pixels(png);
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (inked(x, y)) n++;
  return n;
}

/** Rows between the site name and the chips, where the title goes (for a card with one row of chips). */
const TITLE_ROWS = [110, 400] as const;

describe('cardText', () => {
  test('keeps Latin, Greek, Cyrillic, Hebrew, Arabic, CJK and emoji text and markup characters as they are', () => {
    const text = 'Łódź Ελληνικά Русский עברית العربية 日本語のモデル 中文标题 한국어 🚀 👩‍💻 🇯🇵 <script>alert(1)</script> & "q"';
    expect(cardText(text)).toBe(text);
  });

  test('leaves out only characters no bundled font has, such as unassigned code points and control characters', () => {
    expect(cardText('Robots\u0378 \u0007and 🚀\u{10FFFD}')).toBe('Robots and 🚀');
  });

  test('composes accents and folds runs of whitespace into one space', () => {
    expect(cardText('  Cafe\u0301 \n\t du   monde ')).toBe('Café du monde');
  });
});

describe('renderPreviewCard', () => {
  test('draws a 1200×630 palette PNG', async () => {
    const png = await renderPreviewCard(card('A Comparative Study on Reasoning Patterns of OpenAI’s o1 Model'));
    const meta = await sharp(png).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height, isPalette: meta.isPalette }).toEqual({ format: CARD_FORMAT, width: CARD_WIDTH, height: CARD_HEIGHT, isPalette: true });
    expect(CARD_MEDIA_TYPE).toBe('image/png');
  });

  test('keeps a card with a long real title and four topics under 20 KB', () => {
    const title = 'EXplainable Neural-Symbolic Learning (X-NeSyL) methodology to fuse deep learning representations with expert knowledge graphs: the MonuMAI cultural heritage use case';
    const png = renderPreviewCardSync(card(title, ['Language Models', 'Computer Vision', 'Reasoning & Agents', 'Data & Evaluation']));
    expect(png.length).toBeLessThan(20 * 1024);
  });

  test('gives the same bytes for the same card, in this process and in a fresh one', () => {
    const mixed = card('Robots 🤖 learn 机器人学习 and ロボット学習 and 로봇 학습');
    const first = renderPreviewCardSync(mixed);
    renderPreviewCardSync(card('Ελληνικά Русский עברית العربية 한국어 🇯🇵'));
    expect(Buffer.from(renderPreviewCardSync(mixed)).equals(Buffer.from(first))).toBe(true);

    // A new process registers fonts in another order and starts with empty caches.
    const script = `import { renderPreviewCardSync } from './src/lib/og/previewCard.ts';
      process.stdout.write(Buffer.from(renderPreviewCardSync(JSON.parse(process.argv[1]))).toString('base64'));`;
    const node = join(process.cwd(), 'node_modules', '.bin', 'node');
    const fresh = execFileSync(node, ['--input-type=module', '-e', script, JSON.stringify(mixed)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    expect(Buffer.from(fresh, 'base64').equals(Buffer.from(first))).toBe(true);
  });

  test.each([
    ['Chinese', '机器学习', '深度模型'],
    ['Japanese', 'ひらがなカタカナ', 'ロボット学習'],
    ['Korean', '한국어 모델', '로봇 학습'],
    // Syllables the Chinese font's unicode-range claims and its glyph table lacks.
    ['Japanese and Korean', 'ロボット 한국어', 'ロボット 가각간'],
    ['emoji', '🚀🚀', '🤖👩‍💻'],
  ])('draws a %s title in glyphs of its own', async (_, a, b) => {
    const [one, other] = [renderPreviewCardSync(card(a)), renderPreviewCardSync(card(b))];
    expect(await inkIn(one, 0, TITLE_ROWS[0], CARD_WIDTH, TITLE_ROWS[1])).toBeGreaterThan(500);
    // Two titles drawn as missing-glyph boxes would look alike; real glyphs differ.
    expect(Buffer.from(one).equals(Buffer.from(other))).toBe(false);
  });

  test('draws every script of a mixed title, each adding to what is drawn', async () => {
    const latin = await inkIn(renderPreviewCardSync(card('Robots')), 0, TITLE_ROWS[0], CARD_WIDTH, TITLE_ROWS[1]);
    const mixed = await inkIn(renderPreviewCardSync(card('Robots 机器人 🤖')), 0, TITLE_ROWS[0], CARD_WIDTH, TITLE_ROWS[1]);
    const more = await inkIn(renderPreviewCardSync(card('Robots 机器人 🤖 로봇')), 0, TITLE_ROWS[0], CARD_WIDTH, TITLE_ROWS[1]);
    expect(mixed).toBeGreaterThan(latin * 1.5);
    expect(more).toBeGreaterThan(mixed * 1.2);
  });

  test('draws markup in a title as the characters it is made of', async () => {
    const plain = renderPreviewCardSync(card('Robots alert(1)'));
    const hostile = renderPreviewCardSync(card('<img src=x onerror=alert(1)> Robots alert(1)'));
    expect(await inkIn(hostile, 0, TITLE_ROWS[0], CARD_WIDTH, TITLE_ROWS[1])).toBeGreaterThan(1.5 * (await inkIn(plain, 0, TITLE_ROWS[0], CARD_WIDTH, TITLE_ROWS[1])));
  });

  test('falls back to the site name when nothing of the title can be drawn', () => {
    const nothing = renderPreviewCardSync(card('\u0378\u{10FFFD}'));
    expect(Buffer.from(nothing).equals(Buffer.from(renderPreviewCardSync(card('Trending Papers'))))).toBe(true);
  });

  test.each([
    ['a word longer than a line', 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(6)],
    ['a CJK title of twice the length the card takes', '大规模语言模型的多模态推理与规划方法研究：从理论分析到实际应用的系统性综述。'.repeat(12)],
    ['wide capitals', 'WWWW MMMM '.repeat(40)],
  ])('keeps %s inside the padding', async (_, title) => {
    const png = renderPreviewCardSync(card(title, ['Language Models', 'Computer Vision', 'Reasoning & Agents', 'Data & Evaluation']));
    // 72 px padding either side: allow a few pixels of a glyph's overhang.
    expect(await inkIn(png, 0, 0, 64, CARD_HEIGHT)).toBe(0);
    expect(await inkIn(png, CARD_WIDTH - 64, 0, CARD_WIDTH, CARD_HEIGHT)).toBe(0);
    expect(await inkIn(png, 0, CARD_HEIGHT - 56, CARD_WIDTH, CARD_HEIGHT)).toBe(0);
  });
});
