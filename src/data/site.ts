/**
 * The site configuration and URL helpers as pages use them. Every internal
 * link goes through `url()` so the site works under a sub-path.
 */
import { contentDir } from '../lib/io/contentDir.ts';
import { projectPaths, readSiteConfig } from '../lib/io/projectFiles.ts';
import { createHash } from 'node:crypto';
import { contentSecurityPolicy } from '../lib/site/csp.ts';
import { absoluteUrl, withBase } from '../lib/site/routes.ts';

/** The validated site configuration. */
export const site = readSiteConfig(projectPaths(process.cwd(), contentDir()));

/** The Content Security Policy every built page declares. */
export const csp = contentSecurityPolicy((text) => createHash('sha256').update(text).digest('base64'));

/** A root-relative URL for a route path, base included. */
export function url(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}

/** An absolute URL for a route path, for canonical links, feeds and previews. */
export function absolute(path: string): string {
  return absoluteUrl(site.url, import.meta.env.BASE_URL, path);
}
