/**
 * Split an abstract into what a page shows: plain text, links (http(s) URLs)
 * and rendered inline math. Everything but KaTeX's MathML is text for the
 * template to escape.
 */
import { linkify, type Segment } from './linkify.ts';
import { findMath, renderMath } from './math.ts';

/** A piece of an abstract as shown on a page. */
export type AbstractSegment = Segment | { kind: 'math'; tex: string; mathml: string };

/** Segments an abstract: math first (so `$…$` is never linkified), then links in the text between. */
export function segmentAbstract(text: string): AbstractSegment[] {
  const segments: AbstractSegment[] = [];
  let last = 0;
  for (const span of findMath(text)) {
    const mathml = renderMath(span.tex);
    if (mathml === undefined) continue;
    segments.push(...linkify(text.slice(last, span.start)));
    segments.push({ kind: 'math', tex: span.tex, mathml });
    last = span.end;
  }
  segments.push(...linkify(text.slice(last)));
  return segments;
}

/**
 * An abstract as the text its page shows: a link's text (without the braces
 * a scraper put around it), a formula as its TeX source between dollars.
 * Search indexes this, so a search finds what a reader sees.
 */
export function abstractText(text: string): string {
  return segmentAbstract(text)
    .map((s) => (s.kind === 'math' ? `$${s.tex}$` : s.text))
    .join('');
}
