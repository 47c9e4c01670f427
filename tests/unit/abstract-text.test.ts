/**
 * How abstracts are shown: known scraping artefacts cleaned, inline TeX
 * rendered to inert MathML, URLs as links, everything else as text.
 */
import { describe, expect, test } from 'vitest';
import { segmentAbstract } from '../../src/lib/text/abstractSegments.ts';
import { cleanArtefacts } from '../../src/lib/text/artefacts.ts';
import { findCodeLinks, linkify } from '../../src/lib/text/linkify.ts';
import { findMath, renderMath } from '../../src/lib/text/math.ts';

describe('cleanArtefacts', () => {
  test('removes a lost LaTeX size command glued to a capitalised word', () => {
    expect(cleanArtefacts('Inference Scaling scriptsizeFLaws: The Limits')).toBe('Inference Scaling FLaws: The Limits');
    expect(cleanArtefacts('footnotesizeWe show')).toBe('We show');
  });

  test('leaves ordinary words alone', () => {
    for (const text of ['tinyML on scriptsize devices', 'the scriptsize of it', 'transcriptsizeX', 'normalsized'])
      expect(cleanArtefacts(text)).toBe(text);
  });
});

describe('findMath', () => {
  test('finds TeX between dollar signs', () => {
    expect(findMath('we show $\\frac{a}{b}$ and $x^2$ for $k$ items').map((m) => m.tex)).toEqual(['\\frac{a}{b}', 'x^2', 'k']);
  });

  test('does not take prices or lone dollars for math', () => {
    expect(findMath('it costs $5 and $10 today')).toEqual([]);
    expect(findMath('US$ 20 or $ x $')).toEqual([]);
    expect(findMath('an escaped \\$x^2$ sign')).toEqual([]);
  });
});

describe('renderMath', () => {
  test('renders TeX to MathML that keeps the source as its annotation', () => {
    const html = renderMath('\\frac{a}{b}')!;
    expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML">');
    expect(html).toContain('<annotation encoding="application/x-tex">\\frac{a}{b}</annotation>');
  });

  test('never turns TeX into links, scripts or event handlers', () => {
    for (const tex of ['\\href{javascript:alert(1)}{x}', '\\url{javascript:alert(1)}', '<script>alert(1)</script>', '\\htmlClass{x}{y}', '\\includegraphics{x.png}', '"><img src=x onerror=alert(1)>']) {
      // Only the markup counts: the TeX source may sit in the annotation as (escaped) text.
      const tags = (renderMath(tex) ?? '').replace(/>[^<]*</g, '><');
      expect(tags, tex).not.toMatch(/<a\b|<script|<img|\son\w+=|href=|src=|javascript:/i);
    }
  });

  test('gives up on TeX it cannot parse or that expands without bound, leaving the text', () => {
    expect(renderMath('\\frac{a')).toBeUndefined();
    expect(renderMath('\\def\\a{\\a\\a}\\a')).toBeUndefined();
    expect(segmentAbstract('bad $\\frac{a$ here')).toEqual([{ kind: 'text', text: 'bad $\\frac{a$ here' }]);
  });
});

describe('segmentAbstract', () => {
  test('splits text, links and math, keeping every character of the text', () => {
    const segments = segmentAbstract('See {https://github.com/a/b} for $x^2$ code.');
    expect(segments.map((s) => s.kind)).toEqual(['text', 'link', 'text', 'math', 'text']);
    expect(segments[1]).toEqual({ kind: 'link', href: 'https://github.com/a/b', text: 'https://github.com/a/b' });
    expect(segments[3]).toMatchObject({ kind: 'math', tex: 'x^2' });
  });
});

describe('linkify and findCodeLinks', () => {
  test('links only http(s) URLs, dropping scraper braces and trailing punctuation', () => {
    expect(linkify('Code: {https://github.com/masa-ue/SVDD}. Also see https://x.org/a_(b)), javascript:alert(1).')).toEqual([
      { kind: 'text', text: 'Code: ' },
      { kind: 'link', href: 'https://github.com/masa-ue/SVDD', text: 'https://github.com/masa-ue/SVDD' },
      { kind: 'text', text: '. Also see ' },
      { kind: 'link', href: 'https://x.org/a_(b)', text: 'https://x.org/a_(b)' },
      { kind: 'text', text: '), javascript:alert(1).' },
    ]);
  });

  test('surfaces code repository links once each', () => {
    expect(findCodeLinks('at https://github.com/a/b and {https://github.com/a/b} or https://example.org/x')).toEqual(['https://github.com/a/b']);
  });
});
