/**
 * Character classes that matter for untrusted scraped text.
 * Kept in one place so the parser and the tests agree.
 */

/**
 * C0/C1 control characters other than tab: never legitimate in a title or
 * abstract, and some (NUL) break tools downstream.
 */
export const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/u;

/**
 * Bidirectional embedding/override/isolate controls: the "Trojan Source"
 * characters that can make text display differently from what it is.
 */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/gu;

/** Names a code point as `U+XXXX` for messages. */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
