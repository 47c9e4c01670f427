/**
 * Progress lines for people watching a build (`build: astro: … (12.3 s)`),
 * and the clock that times each step for the build report.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatSeconds } from '../text/units.ts';
import type { StepName, StepReport } from './report.ts';

/** Times the steps of one build and prints progress lines. */
export class BuildClock {
  readonly started = performance.now();
  readonly steps: StepReport[] = [];
  readonly #log: (line: string) => void;

  constructor(log: (line: string) => void = (line) => console.log(line)) {
    this.#log = log;
  }

  /** Milliseconds since the build started. */
  elapsed(): number {
    return performance.now() - this.started;
  }

  /** Prints `build: <step>: <message> (<elapsed>)`. */
  say(step: string, message: string): void {
    this.#log(`build: ${step}: ${message} (${formatSeconds(this.elapsed())})`);
  }

  /** Runs one step, recording when it started and how long it took (also when it fails). */
  async time<T>(name: StepName, run: () => Promise<T> | T): Promise<T> {
    const startMs = this.elapsed();
    try {
      return await run();
    } finally {
      this.steps.push({ name, startMs: Math.round(startMs), wallMs: Math.round(this.elapsed() - startMs) });
    }
  }
}

/** How many paper pages are in the output so far. */
function paperPagesIn(outDir: string): number {
  try {
    return readdirSync(`${outDir}/papers`).length;
  } catch {
    return 0;
  }
}

/**
 * An integration that says when Astro starts bundling, how many paper pages
 * it has written every 10 s while it writes them, and when it is done.
 */
export function astroProgress(say: (message: string) => void): AstroIntegration {
  let outDir = '';
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    name: 'papers:progress',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        say('bundling');
        timer = setInterval(() => {
          const pages = paperPagesIn(outDir);
          if (pages > 0) say(`writing pages: ${pages} paper pages`);
        }, 10_000);
        timer.unref();
      },
      'astro:build:generated': () => {
        clearInterval(timer);
        say('pages written; sitemap next');
      },
      'astro:build:done': () => clearInterval(timer),
    },
  };
}
