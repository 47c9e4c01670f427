/**
 * HTML validity of built sites, by two checkers that catch different things:
 * html-validate (recommended rules and the project's .htmlvalidate.json) and
 * the Nu HTML checker (`vnu.jar` from the vnu-jar package, run by Java from
 * apt), which rejects pages html-validate lets pass, such as a script after
 * `</html>`.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type ConfigData, HtmlValidate } from 'html-validate';
import { projectRoot } from './fixtureSite.ts';
import { listFiles } from './siteFiles.ts';

/** The checker's jar. */
const JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/**
 * Java options for one short run: the client compiler only (a third of the
 * time of the default for a few hundred pages) and the stack the checker
 * asks for, which the client compiler's larger frames need more of.
 */
const JAVA = ['-Xss4m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/** The project's html-validate configuration. */
export function htmlValidateConfig(): ConfigData {
  return JSON.parse(readFileSync(join(projectRoot, '.htmlvalidate.json'), 'utf8')) as ConfigData;
}

/** html-validate's errors on every HTML file under `dir`, as `path:line:column: rule: message (selector)` (none: []). */
export async function htmlValidateErrors(dir: string): Promise<string[]> {
  const validator = new HtmlValidate(htmlValidateConfig());
  const errors: string[] = [];
  for (const file of listFiles(dir).filter((f) => f.endsWith('.html'))) {
    const report = await validator.validateString(readFileSync(join(dir, file), 'utf8'), file);
    for (const result of report.results) {
      for (const m of result.messages) errors.push(`${file}:${m.line}:${m.column}: ${m.ruleId}: ${m.message} (${m.selector ?? ''})`);
    }
  }
  return errors;
}

/**
 * The errors the Nu checker finds in every HTML file under each of `dirs`
 * (one Java run for all), as `path:line: message` with the path as given
 * (none: []).
 */
export async function nuErrors(dirs: readonly string[]): Promise<string[]> {
  const result = await promisify(execFile)('java', [...JAVA, '-jar', JAR, '--errors-only', '--format', 'json', '--skip-non-html', ...dirs], { maxBuffer: 64 * 1024 * 1024 }).catch(
    // It exits 1 when it found errors; its report is on stderr either way.
    (error: { stdout?: string; stderr?: string; code?: unknown }) => {
      if (!error.stderr) throw error;
      return { stdout: error.stdout ?? '', stderr: error.stderr };
    },
  );
  const { messages } = JSON.parse(result.stderr) as { messages: { url?: string; message: string; firstLine?: number; lastLine?: number }[] };
  return messages.map((m) => `${(m.url ?? '').replace(/^file:/, '')}:${m.lastLine ?? m.firstLine ?? 0}: ${m.message}`);
}
