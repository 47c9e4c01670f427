/**
 * Reading a config file the owner edits (src/lib/io/readConfigFile.ts) from
 * disk: a mistake is reported with the file's path and line and how to fix
 * it, and a good file is read as its data. How each kind of mistake is
 * reported is tests/unit/classify.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readConfigFile } from '../../src/lib/io/readConfigFile.ts';
import { Taxonomy } from '../../src/lib/topics/schema.ts';
import { inputError } from '../support/inputError.ts';

const dir = mkdtempSync(join(tmpdir(), 'config-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const HINT = 'see the comment at the top of content/topics.yaml for the format';
const TOPIC = ['  - slug: alpha', '    name: Alpha', '    description: About alpha.', '    keywords: [alpha]'];

describe('readConfigFile', () => {
  test('reads a good taxonomy file as its data', () => {
    const file = join(dir, 'good.yaml');
    writeFileSync(file, ['fallback: alpha', 'topics:', ...TOPIC].join('\n'));
    expect(readConfigFile(file, Taxonomy, HINT)).toMatchObject({ fallback: 'alpha', maxTopicsPerPaper: 4, topics: [{ slug: 'alpha', keywords: ['alpha'] }] });
  });

  test('names the file it read and the line of a mistake, with the hint', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, ['# comment', 'fallback: beta', 'topics:', ...TOPIC].join('\n'));
    const error = inputError(() => readConfigFile(file, Taxonomy, HINT));
    expect(error.diagnostics).toEqual([expect.objectContaining({ severity: 'error', file, line: 2, hint: HINT })]);
    expect(error.message).toContain(`${file}:2: error: fallback: fallback "beta" is not the slug of any topic`);
  });
});
