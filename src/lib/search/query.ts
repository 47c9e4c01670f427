/**
 * What the search page sends to Pagefind for what a reader typed. An arXiv
 * id is indexed on its own (`2503.10001`), so the forms people paste it in
 * (`arXiv:2503.10001`, `2503.10001v2`, an arxiv.org or Hugging Face URL) are
 * brought back to the bare id. No Node modules here: the search page's
 * client imports it.
 */

/** An arXiv id as people write or paste it: an optional `arXiv:` or URL before it, an optional version after. */
const PASTED_ID = /(?:\barxiv:\s*|https?:\/\/(?:www\.)?(?:arxiv\.org\/(?:abs|pdf)|huggingface\.co\/papers)\/)?(\b\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?\b/gi;

/** The query to search for. */
export function searchQuery(typed: string): string {
  return typed.replace(PASTED_ID, '$1').trim();
}
