/**
 * Full-page screenshots of the home page, a paper page and search results at
 * a phone width (390 px) and a desktop width (1280 px), light mode, written to
 * test-results/screenshots/ (CI keeps test-results/) for people to look at.
 * The test checks that each file is a PNG of the width it was taken at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../scripts/support/browser.ts';
import { projectRoot } from '../../support/fixtureSite.ts';
import { seedSite } from '../../support/sharedSites.ts';
import { readPaperSources, slugsOfDay } from '../../support/siteFiles.ts';
import { serveStatic, type StaticServer } from '../../../scripts/support/staticServer.ts';

const { out, content } = seedSite();
const papers = readPaperSources(content);
/** The second paper of the day: it has both pager links, related papers and a code link. */
const paper = slugsOfDay(papers, '2025-03-11')[1]!;

/** Where screenshots go. */
const SHOTS = join(projectRoot, 'test-results', 'screenshots');

/** The pages, by name and path under the base. */
const PAGES = [
  { name: 'home', path: '' },
  { name: 'paper', path: `papers/${paper}/` },
  { name: 'search', path: 'search/?q=diffusion' },
];
const WIDTHS = [390, 1280];

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await serveStatic(out);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(WIDTHS)('screenshots at %i px', (width) => {
  it.each(PAGES)('of the $name page are PNGs of that width', async ({ name, path }) => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    if (path.startsWith('search/')) {
      await page.waitForFunction(() => /^\d+ papers? found/.test(document.querySelector('.search-status')?.textContent ?? ''));
    }
    await page.evaluate(() => document.fonts.ready);
    const file = join(SHOTS, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await context.close();

    const size = pngSize(readFileSync(file));
    expect(size.width).toBe(width);
    expect(size.height).toBeGreaterThanOrEqual(900);
  });
});
