/**
 * The characters a WOFF2 font really has, read from its `cmap` table.
 *
 * A @fontsource subset's unicode-range is not proof: the CJK packages list
 * characters some of their files lack (Noto Sans SC's ranges name Hangul
 * syllables it draws as an empty box). The cmap is what the font draws.
 */
import { brotliDecompressSync } from 'node:zlib';

/** WOFF2's table tags by index (the spec's "known table tags"): only the position of `cmap` and the count matter here. */
const KNOWN_TAGS = 63;
const CMAP_INDEX = 0;

function base128(buf: Buffer, at: number): [number, number] {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    const byte = buf[at + i]!;
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return [value, at + i + 1];
  }
  throw new Error('bad UIntBase128');
}

/** The raw `cmap` table of a WOFF2 font. */
function woff2Cmap(woff2: Buffer): Buffer {
  if (woff2.toString('latin1', 0, 4) !== 'wOF2') throw new Error('not a WOFF2 font');
  if (woff2.toString('latin1', 4, 8) === 'ttcf') throw new Error('WOFF2 collections are not supported');
  const numTables = woff2.readUInt16BE(12);
  const compressedLength = woff2.readUInt32BE(20);
  let at = 48;
  let offset = 0;
  let cmap: { offset: number; length: number } | undefined;
  for (let i = 0; i < numTables; i++) {
    const flags = woff2[at++]!;
    const tagIndex = flags & 0x3f;
    let tag = '';
    if (tagIndex === KNOWN_TAGS) {
      tag = woff2.toString('latin1', at, at + 4);
      at += 4;
    }
    const version = flags >> 6;
    let length: number;
    [length, at] = base128(woff2, at);
    // glyf and loca (indices 10, 11) are transformed unless version 3; others only when the version is not 0.
    const transformed = tagIndex === 10 || tagIndex === 11 ? version !== 3 : version !== 0;
    if (transformed) [length, at] = base128(woff2, at);
    if (tagIndex === CMAP_INDEX || tag === 'cmap') cmap = { offset, length };
    offset += length;
  }
  if (!cmap) throw new Error('font has no cmap');
  const tables = brotliDecompressSync(woff2.subarray(at, at + compressedLength));
  return tables.subarray(cmap.offset, cmap.offset + cmap.length);
}

/** Sorted, merged [from, to] pairs of the code points a cmap maps to a glyph. */
function cmapRanges(cmap: Buffer): number[] {
  const count = cmap.readUInt16BE(2);
  const subtables = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const at = 4 + i * 8;
    subtables.set(`${cmap.readUInt16BE(at)}/${cmap.readUInt16BE(at + 2)}`, cmap.readUInt32BE(at + 4));
  }
  const pairs: number[][] = [];
  // Full Unicode (format 12) when the font has it, else the BMP (format 4).
  const full = subtables.get('3/10') ?? subtables.get('0/4') ?? subtables.get('0/6');
  const bmp = subtables.get('3/1') ?? subtables.get('0/3') ?? subtables.get('0/1') ?? subtables.get('0/0');
  const at = full ?? bmp;
  if (at === undefined) throw new Error('font has no Unicode cmap');
  const format = cmap.readUInt16BE(at);
  if (format === 12) {
    const groups = cmap.readUInt32BE(at + 12);
    for (let g = 0; g < groups; g++) {
      const rec = at + 16 + g * 12;
      pairs.push([cmap.readUInt32BE(rec), cmap.readUInt32BE(rec + 4)]);
    }
  } else if (format === 4) {
    const segments = cmap.readUInt16BE(at + 6) / 2;
    const ends = at + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const rangeOffsets = deltas + segments * 2;
    for (let s = 0; s < segments; s++) {
      const end = cmap.readUInt16BE(ends + s * 2);
      const start = cmap.readUInt16BE(starts + s * 2);
      const delta = cmap.readUInt16BE(deltas + s * 2);
      const rangeOffset = cmap.readUInt16BE(rangeOffsets + s * 2);
      for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
        let glyph: number;
        if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
        else {
          const g = cmap.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (cp - start) * 2);
          glyph = g === 0 ? 0 : (g + delta) & 0xffff;
        }
        if (glyph !== 0) pairs.push([cp, cp]);
      }
    }
  } else throw new Error(`cmap format ${format} is not supported`);
  pairs.sort((a, b) => a[0]! - b[0]!);
  const merged: number[] = [];
  for (const [from, to] of pairs) {
    if (merged.length > 0 && from! <= merged.at(-1)! + 1) merged[merged.length - 1] = Math.max(merged.at(-1)!, to!);
    else merged.push(from!, to!);
  }
  return merged;
}

/** The code points a WOFF2 font maps to glyphs, as sorted [from, to] pairs, flattened. */
export function woff2Coverage(woff2: Buffer): Uint32Array {
  return Uint32Array.from(cmapRanges(woff2Cmap(woff2)));
}
