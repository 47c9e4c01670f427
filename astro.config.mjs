// @ts-check
/**
 * Astro configuration for plain `astro build` and `astro dev`: Astro
 * generates the content first and finishes the site (search index, preview
 * images) itself. The configuration is made in src/astroConfig.ts, which
 * `npm run build` uses too.
 */
import { defineConfig } from 'astro/config';
import { astroConfig } from './src/astroConfig.ts';

export default defineConfig(astroConfig(process.cwd(), 'astro'));
