/**
 * `npm run dev` works, search included: the dev server indexes the paper
 * pages in memory and serves the Pagefind bundle, and search finds papers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../scripts/support/browser.ts';
import { cleanEnv, type FixtureSite, makeFixture, node22 } from '../../support/fixtureSite.ts';

/** Asks the OS for a free port on loopback. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

describe('the dev server', () => {
  let site: FixtureSite;
  let dev: ChildProcess;
  let url: string;
  let log = '';

  beforeAll(async () => {
    site = makeFixture();
    const port = await freePort();
    url = `http://127.0.0.1:${port}/`;
    dev = spawn(node22, [join(site.project, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: site.project,
      env: { ...cleanEnv(), PAPERS_CONTENT_DIR: site.content, PAPERS_CACHE_DIR: site.cache },
    });
    // Ready when it says its search index is ready (the line it prints for the reader).
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`dev server did not get ready in 2 minutes:\n${log}`)), 120_000);
      const hear = (data: Buffer) => {
        log += data;
        if (/search index ready/.test(log)) {
          clearTimeout(timer);
          ready();
        }
      };
      dev.stdout!.on('data', hear);
      dev.stderr!.on('data', hear);
      dev.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`dev server exited (${code}) before it was ready:\n${log}`));
      });
    });
  });
  afterAll(async () => {
    if (dev && dev.exitCode === null) {
      const exited = new Promise((done) => dev.once('exit', done));
      dev.kill('SIGTERM');
      await exited;
    }
    if (site) rmSync(site.dir, { recursive: true, force: true });
  });

  it('serves pages and finds papers with search', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${url}search/?q=theorem`);
      await page.waitForSelector('.search-result', { timeout: 30_000 });
      expect(await page.locator('.search-result h2').allTextContents()).toContain('LeanDojo: Theorem Proving with Retrieval-Augmented Language Models');
      await page.click('.search-result h2 a');
      await page.waitForURL(/\/papers\/leandojo/);
      expect(await page.textContent('h1')).toBe('LeanDojo: Theorem Proving with Retrieval-Augmented Language Models');
      expect(errors).toEqual([]);
      // The newest-first order is served beside the in-memory bundle: every paper under the seed's day.
      const order = (await (await fetch(`${url}pagefind/newest-first.json`)).json()) as [string, string[]][];
      expect(order.map(([day, ids]) => [day, ids.length])).toEqual([['2025-03-11', 92]]);
    } finally {
      await browser.close();
    }
  });
});
