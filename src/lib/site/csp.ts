/**
 * The site's Content Security Policy, delivered as a meta tag (static hosts
 * cannot set headers). Scripts and styles come only from the site itself,
 * the one inline script (the theme, src/lib/site/themeScript.ts) by its
 * hash, WebAssembly only for Pagefind's search engine. Written here rather
 * than by Astro's CSP option, which lists a hash for every script and style
 * of the site (they are files, allowed by 'self') on every page: half a
 * kilobyte a page, most of it useless.
 */
import { themeScriptHash } from './themeScript.ts';

/** The policy, given the base64 SHA-256 of a text. */
export function contentSecurityPolicy(sha256: (text: string) => string): string {
  return [
    "default-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // Pagefind compiles its WebAssembly search engine in the browser.
    `script-src 'self' 'wasm-unsafe-eval' '${themeScriptHash(sha256)}'`,
    "style-src 'self'",
  ].join('; ');
}
