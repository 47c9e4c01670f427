/**
 * Inline TeX in abstracts (`$x^2$`), found conservatively and rendered at
 * build time to MathML by KaTeX: no client JavaScript, no fonts to load.
 * KaTeX runs with `trust: false`, so TeX can never produce links, classes,
 * ids or styles that carry code; its input source is kept in an annotation.
 */
import katex from 'katex';

/** A `$…$` span: where it is and the TeX inside. */
export interface MathSpan {
  start: number;
  end: number;
  tex: string;
}

/** `$…$` with no `$` or line break inside, at most 300 characters. */
const INLINE_MATH = /(?<![\\$\p{L}\p{N}])\$([^$\n]{1,300}?)\$(?![\p{N}$])/gu;

/** TeX-looking content: a command, a script, a brace or an operator. */
const TEX_SIGNAL = /[\\^_{}=<>+]|^[\p{L}]{1,3}$/u;

/**
 * Finds inline math. Prices such as "$5 and $10" are not math: the content
 * must not start or end with a space and must look like TeX.
 */
export function findMath(text: string): MathSpan[] {
  const spans: MathSpan[] = [];
  for (const m of text.matchAll(INLINE_MATH)) {
    const tex = m[1]!;
    if (/^\s|\s$/.test(tex) || !TEX_SIGNAL.test(tex)) continue;
    spans.push({ start: m.index, end: m.index + m[0].length, tex });
  }
  return spans;
}

/** Renders TeX to MathML, or returns undefined when KaTeX cannot parse it (the text then stays as it was). */
export function renderMath(tex: string): string | undefined {
  try {
    return katex.renderToString(tex, {
      output: 'mathml',
      throwOnError: true,
      trust: false,
      strict: 'ignore',
      maxSize: 20,
      // Bounds macro expansion, so hostile TeX cannot stall the build.
      maxExpand: 100,
      displayMode: false,
    });
  } catch {
    return undefined;
  }
}
