/**
 * Read a YAML or JSON file the owner edits and validate it with a zod
 * schema, turning every problem into a diagnostic with file and line.
 */
import { readFileSync } from 'node:fs';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { type Diagnostic, InputError } from '../listing/diagnostics.ts';

/** Finds the 1-based line of a value inside a parsed YAML document, or 1. */
function lineOf(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return 1;
}

/**
 * Parses `text` (YAML, which includes JSON) from `file` and validates it.
 * Throws an InputError naming the file and line of each problem.
 */
export function parseConfigText<S extends z.ZodType>(file: string, text: string, schema: S, hint: string): z.infer<S> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((e): Diagnostic => ({
        severity: 'error',
        file,
        // prettyErrors is off, so linePos is unset: find the line from the offset.
        line: counter.linePos(e.pos[0]).line,
        message: e.message.split('\n')[0] ?? 'syntax error',
        hint: 'fix the syntax on this line (indentation, quotes, colons)',
      })),
    );
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  throw new InputError(
    result.error.issues.map((issue): Diagnostic => ({
      severity: 'error',
      file,
      line: lineOf(doc, counter, issue.path),
      message: `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`,
      hint,
    })),
  );
}

/** Reads and validates a YAML/JSON file (see parseConfigText). */
export function readConfigFile<S extends z.ZodType>(file: string, schema: S, hint: string): z.infer<S> {
  return parseConfigText(file, readFileSync(file, 'utf8'), schema, hint);
}
