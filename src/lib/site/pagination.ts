/**
 * How long list pages get. A topic lists its papers newest first over
 * numbered pages, so no list page grows with the archive: about 50 papers
 * is a page people scroll, and stays far below 100 KB gzipped.
 */

/** Papers on one page of a topic's list. */
export const PAPERS_PER_PAGE = 50;
