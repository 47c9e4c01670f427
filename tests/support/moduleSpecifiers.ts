/**
 * The modules a source file refers to, as written: static imports and
 * re-exports, `import()`, `require()`, `import.meta.resolve()` and
 * `new URL(…, import.meta.url)` (worker and child-process modules). In an
 * `.astro` file: its frontmatter, its `<script>` elements and their `src`.
 * TypeScript's own pre-processor finds the imports, so comments and strings
 * that merely look like imports are not counted.
 */
import ts from 'typescript';

/** `new URL('x', import.meta.url)` and `import.meta.resolve('x')`; a template literal counts up to its first `${`. */
const URL_PATTERNS = [/new\s+URL\(\s*(['"`])(.*?)\1\s*,\s*import\.meta\.url\s*\)/gs, /import\.meta\.resolve\(\s*(['"`])(.*?)\1\s*\)/gs];

/** The code of a file: all of it, or for `.astro` the frontmatter and the bodies of its scripts. */
function codeParts(fileName: string, text: string): { code: string[]; scriptSources: string[] } {
  if (!fileName.endsWith('.astro')) return { code: [text], scriptSources: [] };
  const code: string[] = [];
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (frontmatter) code.push(frontmatter[1]!);
  const scriptSources: string[] = [];
  for (const script of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    code.push(script[2]!);
    const src = /\bsrc\s*=\s*(["'])(.*?)\1/.exec(script[1]!);
    if (src) scriptSources.push(src[2]!);
  }
  return { code, scriptSources };
}

/** Every module specifier of a file, in order of appearance per kind. */
export function moduleSpecifiers(fileName: string, text: string): string[] {
  const { code, scriptSources } = codeParts(fileName, text);
  const found = [...scriptSources];
  for (const part of code) {
    found.push(...ts.preProcessFile(part, true, true).importedFiles.map((f) => f.fileName));
    for (const pattern of URL_PATTERNS) {
      for (const match of part.matchAll(pattern)) found.push(match[2]!.split('${')[0]!);
    }
  }
  return found;
}
