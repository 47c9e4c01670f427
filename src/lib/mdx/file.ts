/**
 * A paper file is YAML frontmatter (generator-owned data) followed by an MDX
 * body (owner-owned notes). This module joins and splits the two; the YAML
 * is written by a serializer (toYaml, or paperYaml.ts, which writes the same
 * bytes for the paper schema), never by templating raw text.
 */
import { stringify } from 'yaml';

/** The two halves of a paper file. */
export interface PaperFileParts {
  /** The YAML between the `---` fences, without them. */
  frontmatter: string;
  /** Everything after the closing fence. */
  body: string;
}

/** Serialises data as YAML with every string double-quoted, so no scalar is ever read as anything else. */
export function toYaml(data: unknown): string {
  return stringify(data, {
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    lineWidth: 0,
    minContentWidth: 0,
  });
}

/** Joins frontmatter YAML and an MDX body into file text. */
export function joinPaperFile({ frontmatter, body }: PaperFileParts): string {
  return `---\n${frontmatter}---\n${body}`;
}

/** Whether a paper file's body holds owner notes (anything but white space). */
export function hasNotes(body: string): boolean {
  return body.trim() !== '';
}

/**
 * Splits file text into frontmatter and body. Returns undefined when the file
 * does not start with a fenced frontmatter block.
 */
export function splitPaperFile(text: string): PaperFileParts | undefined {
  const normalized = text.replace(/\r\n?/g, '\n');
  if (!normalized.startsWith('---\n')) return undefined;
  const end = normalized.indexOf('\n---\n', 3);
  if (end < 0) {
    if (normalized.endsWith('\n---')) return { frontmatter: normalized.slice(4, -3), body: '' };
    return undefined;
  }
  return { frontmatter: normalized.slice(4, end + 1), body: normalized.slice(end + 5) };
}
