/**
 * One direction: tests import the site's code, never the other way round.
 * No file under src/ or scripts/ refers to a module under tests/, by any of
 * the ways a module can be loaded. And the unit tier stays pure: its files
 * load no module that starts processes, threads, browsers, Pagefind or
 * image rendering, and write no file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { moduleSpecifiers } from '../support/moduleSpecifiers.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TESTS = join(ROOT, 'tests');

/** Source files (.ts, .mts, .js, .mjs, .astro) under a folder of the project, as absolute paths. */
function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(m?ts|m?js|astro)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The specifiers of `file` (text given, or read) that point into tests/. */
function intoTests(file: string, text = readFileSync(file, 'utf8')): string[] {
  return moduleSpecifiers(file, text).filter((specifier) => {
    if (!specifier.startsWith('.') && !isAbsolute(specifier) && !specifier.startsWith('file:')) return false;
    const target = specifier.startsWith('file:') ? new URL(specifier).pathname : resolve(dirname(file), specifier);
    return target === TESTS || target.startsWith(TESTS + sep);
  });
}

describe('the code under src/ and scripts/', () => {
  const files = [...sources('src'), ...sources('scripts')];

  test('imports nothing from tests/', () => {
    const found = files.flatMap((file) => intoTests(file).map((specifier) => `${relative(ROOT, file)}: ${specifier}`));
    expect(found).toEqual([]);
  });

  test('was all read: every TypeScript and Astro file, and the imports in them', () => {
    expect(files.filter((f) => f.endsWith('.astro')).length).toBeGreaterThan(10);
    expect(files.filter((f) => f.endsWith('.ts')).length).toBeGreaterThan(80);
    // Each kind of reference the scan knows is used somewhere in the real code, and seen.
    const all = files.flatMap((file) => moduleSpecifiers(file, readFileSync(file, 'utf8')));
    expect(all.length).toBeGreaterThan(300);
    expect(all).toContain('./readBackWorker.ts'); // new URL(…, import.meta.url)
    expect(all).toContain('./steps/'); // a template literal, up to its first ${
    expect(all.some((s) => s.startsWith('../lib/') || s.startsWith('../../lib/'))).toBe(true); // an .astro frontmatter import
  });
});

describe('the import scan', () => {
  const file = join(ROOT, 'src', 'lib', 'x', 'planted.ts');

  test('finds a module under tests/ referred to in each way a module can be loaded', () => {
    const planted = [
      "import { a } from '../../../tests/support/a.ts';",
      "import type { B } from '../../../tests/support/b.ts';",
      "export * from '../../../tests/support/c.ts';",
      "const d = await import('../../../tests/support/d.ts');",
      "const e = require('../../../tests/support/e.cjs');",
      "new Worker(new URL('../../../tests/support/f.ts', import.meta.url));",
      'const g = new URL(`../../../tests/${name}.ts`, import.meta.url);',
      "import.meta.resolve('../../../tests/support/h.ts');",
      `import i from '${join(TESTS, 'support', 'i.ts')}';`,
    ].join('\n');
    expect(intoTests(file, planted)).toHaveLength(9);
  });

  test('finds imports in the frontmatter and the scripts of an .astro file', () => {
    const astro = join(ROOT, 'src', 'pages', 'planted.astro');
    const text = [
      '---',
      "import Paper from '../../tests/support/Paper.astro';",
      '---',
      '<p>import x from "../../tests/not-code.ts" is text</p>',
      "<script>import '../../tests/support/client.ts';</script>",
      '<script src="../../tests/support/src.ts"></script>',
    ].join('\n');
    expect(intoTests(astro, text).sort()).toEqual(['../../tests/support/Paper.astro', '../../tests/support/client.ts', '../../tests/support/src.ts']);
  });

  test('ignores comments, strings and imports that stay out of tests/', () => {
    const text = [
      '// import x from "../../../tests/a.ts"',
      "const s = 'import y from \"../../../tests/b.ts\"';",
      "import { ok } from '../../lib/ok.ts';",
      "import z from 'tests';",
    ].join('\n');
    expect(intoTests(file, text)).toEqual([]);
  });
});

describe('the unit tests', () => {
  /** Modules that start a process or thread, drive a browser, index or draw: integration and site tests load them. */
  const IMPURE = ['node:child_process', 'child_process', 'node:worker_threads', 'worker_threads', 'pagefind', 'playwright-core', 'sharp', '@resvg/resvg-js', 'satori', 'linkinator'];
  /** File system and temporary-folder calls that write. */
  const WRITES = /\b(writeFile|appendFile|mkdtemp|mkdir|rm|rmdir|unlink|rename|copyFile|cp|symlink)(Sync)?\(|\btmpdir\(/;
  const files = readdirSync(join(ROOT, 'tests', 'unit')).filter((name) => name.endsWith('.ts')).map((name) => join(ROOT, 'tests', 'unit', name));

  test('load no module that starts processes or threads, drives a browser, runs Pagefind or draws images', () => {
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((file) => moduleSpecifiers(file, readFileSync(file, 'utf8')).filter((s) => IMPURE.includes(s)).map((s) => `${relative(ROOT, file)}: ${s}`));
    expect(found).toEqual([]);
  });

  test('write no file and make no temporary folder', () => {
    // This file names the calls it looks for; it calls none of them.
    const found = files.filter((file) => !file.endsWith('imports.test.ts') && WRITES.test(readFileSync(file, 'utf8'))).map((file) => relative(ROOT, file));
    expect(found).toEqual([]);
    expect(WRITES.test('mkdtempSync(join(tmpdir(), "x"))')).toBe(true);
  });
});
