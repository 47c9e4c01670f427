/**
 * arXiv identifiers as listings carry them: the identity of a paper whose
 * title may be shortened or corrected from one listing to the next.
 */
import { ArxivId } from './schema.ts';

/** Reads `2503.01234` or `2503.01234v2` (surrounding spaces ignored) as an ArxivId without version, or undefined. */
export function normalizeArxivId(raw: string): ArxivId | undefined {
  const m = /^(\d{4}\.\d{4,5})(?:v[1-9]\d{0,3})?$/.exec(raw.trim());
  if (!m) return undefined;
  const id = ArxivId.safeParse(m[1]);
  return id.success ? id.data : undefined;
}
