/**
 * Clean up known scraping artefacts, only where that is safe: a LaTeX size
 * command whose backslash and space the scraper lost, glued to the next word
 * ("Inference Scaling scriptsizeFLaws" → "Inference Scaling FLaws"). The
 * command must be followed by a capital letter, so ordinary words survive.
 */
const SIZE_COMMAND = /(?<![\p{L}\p{N}])(?:scriptsize|footnotesize|normalsize)(?=\p{Lu})/gu;

/** Returns the text with known artefacts removed. */
export function cleanArtefacts(text: string): string {
  return text.replace(SIZE_COMMAND, '');
}
