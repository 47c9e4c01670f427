/**
 * The one inline script of the site: it applies a saved light/dark choice
 * before first paint (a deferred module would flash the other theme). Kept
 * as a constant so the Content Security Policy (csp.ts) allows exactly it, by hash.
 */
export const THEME_SCRIPT =
  "try{var t=localStorage.getItem('theme');if(t==='dark'||t==='light')document.documentElement.dataset.theme=t}catch(e){}";

/** The CSP source expression that allows THEME_SCRIPT. */
export function themeScriptHash(hash: (text: string) => string): `sha256-${string}` {
  return `sha256-${hash(THEME_SCRIPT)}`;
}
