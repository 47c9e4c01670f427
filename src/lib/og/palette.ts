/**
 * A palette for a drawing made of a few flat colours: the background, then,
 * for each pair of colours the drawing puts one on the other, the foreground
 * and evenly spaced shades between the two, the colours antialiasing makes
 * at the edges of text and shapes. Every pixel of such a drawing lies on one
 * of these lines between two colours, so it maps to the nearest shade of the
 * nearest pair with an error of at most half a step.
 */

/** A foreground drawn on a background, and how many shades from one to the other (both included). */
export interface Ramp {
  fg: string;
  bg: string;
  steps: number;
}

export interface Palette {
  /** The palette as RGB triples, the background first (index 0). */
  rgb: Uint8Array;
  /** The palette index of a colour (0xRRGGBB). */
  indexOf(colour: number): number;
}

/** A colour as 0xRRGGBB. */
export function rgb(hex: string): number {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) throw new Error(`not a #rrggbb colour: ${hex}`);
  return Number.parseInt(hex.slice(1), 16);
}

const channels = (c: number): [number, number, number] => [(c >> 16) & 255, (c >> 8) & 255, c & 255];

export function makePalette(background: string, ramps: readonly Ramp[]): Palette {
  const colours: number[] = [rgb(background)];
  const lines = ramps.map(({ fg, bg, steps }) => {
    const [fr, fg_, fb] = channels(rgb(fg));
    const [br, bg_, bb] = channels(rgb(bg));
    const delta = [fr - br, fg_ - bg_, fb - bb] as const;
    const index = Array.from({ length: steps }, (_, k) => {
      const t = k / (steps - 1);
      const c = (Math.round(br + t * delta[0]) << 16) | (Math.round(bg_ + t * delta[1]) << 8) | Math.round(bb + t * delta[2]);
      const i = colours.indexOf(c);
      return i >= 0 ? i : colours.push(c) - 1;
    });
    return { from: [br, bg_, bb] as const, delta, steps, index };
  });
  if (colours.length > 256) throw new Error(`a PNG palette holds 256 colours, not ${colours.length}`);

  const indexOf = (colour: number): number => {
    const [r, g, b] = channels(colour);
    let best = 0;
    let bestDistance = Infinity;
    for (const { from, delta, steps, index } of lines) {
      const length = delta[0] ** 2 + delta[1] ** 2 + delta[2] ** 2;
      const t = length === 0 ? 0 : ((r - from[0]) * delta[0] + (g - from[1]) * delta[1] + (b - from[2]) * delta[2]) / length;
      const k = Math.round(Math.min(1, Math.max(0, t)) * (steps - 1));
      const s = k / (steps - 1);
      const distance = (r - from[0] - s * delta[0]) ** 2 + (g - from[1] - s * delta[1]) ** 2 + (b - from[2] - s * delta[2]) ** 2;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = index[k]!;
      }
    }
    return best;
  };
  return { rgb: Uint8Array.from(colours.flatMap(channels)), indexOf };
}
