/**
 * The two ends of a card's PNG: reading back the pixels of a PNG that Skia
 * wrote unfiltered, and writing an indexed (palette) PNG.
 *
 * Why not let a library do it: the card has a few dozen colours, so an
 * indexed PNG is 3-4 times smaller than the truecolour one Skia writes, and
 * `sharp` (libimagequant) takes twice the time budget to find a palette we
 * already know. Skia's own PNG at zlib level 1 without filters is the
 * cheapest way to get the pixels out of the canvas (its `data()` copy is
 * slower), and the format needs no more than this file to write.
 */
import { crc32, deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Decoded rows of an 8-bit RGB or RGBA PNG, each led by its filter byte. */
export interface PngRows {
  width: number;
  height: number;
  /** Bytes a pixel: 3 (RGB) or 4 (RGBA). */
  channels: 3 | 4;
  /** `height` rows of 1 + width × channels bytes. */
  rows: Buffer;
}

/**
 * Reads the pixels of a non-interlaced 8-bit RGB(A) PNG written with no row
 * filters (every filter byte 0), which is what the card asks Skia for.
 */
export function readUnfilteredPng(png: Uint8Array): PngRows {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (!buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let channels: 3 | 4 = 4;
  const idat: Buffer[] = [];
  for (let at = 8; at + 8 <= buf.length; ) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colourType, , , interlace] = data.subarray(8);
      if (depth !== 8 || (colourType !== 2 && colourType !== 6) || interlace !== 0) throw new Error(`unexpected PNG layout (depth ${depth}, colour type ${colourType}, interlace ${interlace})`);
      channels = colourType === 2 ? 3 : 4;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const stride = 1 + width * channels;
  // One output chunk of the final size: zlib then writes straight into it.
  const rows = inflateSync(Buffer.concat(idat), { chunkSize: Math.max(64 * 1024, stride * height + 1) });
  if (rows.length !== stride * height) throw new Error('PNG data is not the size its header says');
  for (let y = 0; y < height; y++) if (rows[y * stride] !== 0) throw new Error(`PNG row ${y} is filtered`);
  return { width, height, channels, rows };
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * An 8-bit indexed PNG. `palette` holds RGB triples; `rows` holds `height`
 * rows of a filter byte (0) and `width` palette indices.
 */
export function encodeIndexedPng(width: number, height: number, palette: Uint8Array, rows: Uint8Array, level: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 3, 0, 0, 0], 8);
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('PLTE', palette), chunk('IDAT', deflateSync(rows, { level })), chunk('IEND', new Uint8Array(0))]);
}
