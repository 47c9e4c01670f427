/**
 * Reading and changing the stored reading list through a storage the caller
 * hands over (`() => localStorage` in the browser, a stand-in in tests).
 * Storage may be missing or throw at any step: blocked (SecurityError, e.g.
 * site data or cookies disabled, some private modes), full
 * (QuotaExceededError) or anything else. Every outcome is a value, never an
 * exception, with a message for the reader.
 *
 * Each change reads what storage holds at that moment, applies itself and
 * writes the result back, so two tabs' changes do not undo each other: a
 * paper one tab saved stays saved when the other saves or removes another.
 */
import { parseReadingList, serialiseReadingList, STORAGE_KEY, type ReadList, type SavedPaper } from './list.ts';

/** What the store needs of `localStorage`. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Gives the storage; may throw (a blocked `localStorage`) or give null. */
export type StorageAccess = () => StorageLike | null | undefined;

/** Why the list could not be read or changed. */
export type StoreError = 'blocked' | 'full' | 'newer' | 'failed';

/** The stored list, or why there is none. */
export type StoredList = ReadList & { error?: 'blocked' };

/** The outcome of a change: the list as now stored, or why it was not changed. */
export type ChangeResult = { ok: true; papers: SavedPaper[] } | { ok: false; error: StoreError };

/** Classifies an exception thrown by a write. */
export function writeError(error: unknown): StoreError {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return 'full';
  if (name === 'SecurityError') return 'blocked';
  return 'failed';
}

/** Reads the stored list; storage that cannot be reached at all is `blocked`. */
export function readStored(storage: StorageAccess): StoredList {
  let raw: string | null;
  try {
    const store = storage();
    if (!store) return { papers: [], error: 'blocked' };
    raw = store.getItem(STORAGE_KEY);
  } catch {
    return { papers: [], error: 'blocked' };
  }
  return parseReadingList(raw);
}

/**
 * Applies `change` to the list storage holds now and stores the result
 * (an empty list removes the key). A list written by a newer version of the
 * site is left alone.
 */
export function changeStored(storage: StorageAccess, change: (papers: SavedPaper[]) => SavedPaper[]): ChangeResult {
  const read = readStored(storage);
  if (read.error) return { ok: false, error: read.error };
  if (read.problem?.kind === 'newer') return { ok: false, error: 'newer' };
  const papers = change(read.papers);
  try {
    const store = storage()!;
    if (papers.length === 0) store.removeItem(STORAGE_KEY);
    else store.setItem(STORAGE_KEY, serialiseReadingList(papers));
  } catch (error) {
    return { ok: false, error: writeError(error) };
  }
  return { ok: true, papers };
}

/** Why storage failed, in words for the reader. */
const REASONS: Record<StoreError, string> = {
  blocked: 'this browser does not let this site store data (site data or cookies are blocked, or a private window forbids it)',
  full: "this browser's storage for this site is full. Remove papers from your reading list, or clear this site's data",
  newer: 'a newer version of this site changed your reading list. Reload the page',
  failed: 'the browser refused to store your reading list',
};

/** Says why storage failed, after what did not happen: `Not saved: this browser …`. */
export function storeMessage(error: StoreError, action: string): string {
  return `${action}: ${REASONS[error]}.`;
}
