/**
 * Charts drawn at build time as SVG: no chart library and no JavaScript
 * in the browser. Each chart carries its numbers as data attributes (the
 * tests read them back) and a text alternative (`role="img"`, `<title>`,
 * `<desc>`); the page puts a data table beside it. Colours come from the
 * site's CSS variables, so the charts follow the light and dark themes.
 */
import { escapeXml } from '../feeds/escape.ts';

/** One point of a chart: its label (a week, a day) and value. */
export interface ChartPoint {
  label: string;
  value: number;
}

/** How to draw one chart. */
export interface ChartOptions {
  /** An id for the title and description elements, unique in the page. */
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  /** Draw small values high (a rank: 1 is best), instead of large values high. */
  invert?: boolean;
  /** Label the axes (the first and last point, the largest value); off for sparklines. */
  axes?: boolean;
}

/** A number for SVG coordinates: at most one decimal, no trailing zeros. */
function coordinate(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** Draws the points as a line over a filled area (or dots and a line for an inverted chart). */
export function lineChart(points: readonly ChartPoint[], options: ChartOptions): string {
  const { id, width, height, invert = false, axes = true } = options;
  const left = axes ? 36 : 2;
  const bottom = axes ? 20 : 2;
  const top = 6;
  const right = 6;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const values = points.map((p) => p.value);
  const max = Math.max(1, ...values);
  const min = invert ? Math.min(...values) : 0;
  const x = (i: number) => left + (points.length === 1 ? plotWidth / 2 : (i * plotWidth) / (points.length - 1));
  const y = (v: number) => {
    const t = max === min ? 0.5 : (v - min) / (max - min);
    return top + (invert ? t : 1 - t) * plotHeight;
  };
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${coordinate(x(i))} ${coordinate(y(p.value))}`).join(' ');
  const area = invert || points.length === 0 ? '' : `<path class="chart-area" d="${line} L${coordinate(x(points.length - 1))} ${coordinate(top + plotHeight)} L${coordinate(x(0))} ${coordinate(top + plotHeight)} Z"/>`;
  const dots = points.map((p, i) => `<circle class="chart-point" cx="${coordinate(x(i))}" cy="${coordinate(y(p.value))}" r="${points.length > 60 ? 1.2 : 2.5}" data-label="${escapeXml(p.label)}" data-value="${p.value}"/>`).join('');
  const labels = axes && points.length > 0
    ? [
        `<text class="chart-label" x="${left - 4}" y="${coordinate(y(invert ? min : max) + 4)}" text-anchor="end">${invert ? min : max}</text>`,
        `<text class="chart-label" x="${left - 4}" y="${coordinate(top + plotHeight)}" text-anchor="end">${invert ? max : 0}</text>`,
        `<text class="chart-label" x="${left}" y="${height - 4}">${escapeXml(points[0]!.label)}</text>`,
        points.length > 1 ? `<text class="chart-label" x="${width - right}" y="${height - 4}" text-anchor="end">${escapeXml(points[points.length - 1]!.label)}</text>` : '',
      ].join('')
    : '';
  return [
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" data-chart="${escapeXml(id)}">`,
    `<title id="${id}-title">${escapeXml(options.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(options.description)}</desc>`,
    axes ? `<line class="chart-axis" x1="${left}" y1="${coordinate(top + plotHeight)}" x2="${width - right}" y2="${coordinate(top + plotHeight)}"/>` : '',
    area,
    points.length > 1 ? `<path class="chart-line" d="${line}"/>` : '',
    dots,
    labels,
    '</svg>',
  ].join('');
}
