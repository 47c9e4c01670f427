import { launchBrowser } from './scripts/support/browser.ts';
import { serveStatic } from './scripts/support/staticServer.ts';
const server = await serveStatic(process.argv[2]!);
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: Number(process.argv[5] ?? 1000), height: 900 } });
await page.goto(`${server.url}${process.argv[3]}`);
await page.waitForTimeout(300);
await page.screenshot({ path: process.argv[4]! });
await browser.close(); await server.close();
