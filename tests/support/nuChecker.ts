/**
 * The Nu HTML checker (`vnu.jar` from the vnu-jar package, run by Java from
 * apt): it rejects pages that html-validate lets pass, such as a script
 * after `</html>`.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

/** The checker's jar. */
const JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/** The errors the Nu checker finds in every HTML file under `dir`, as `path:line: message` (none: []). */
export async function nuErrors(dir: string): Promise<string[]> {
  const result = await promisify(execFile)('java', ['-jar', JAR, '--errors-only', '--format', 'json', '--skip-non-html', dir], { maxBuffer: 64 * 1024 * 1024 }).catch(
    // It exits 1 when it found errors; its report is on stderr either way.
    (error: { stdout?: string; stderr?: string; code?: unknown }) => {
      if (!error.stderr) throw error;
      return { stdout: error.stdout ?? '', stderr: error.stderr };
    },
  );
  const { messages } = JSON.parse(result.stderr) as { messages: { url?: string; message: string; firstLine?: number; lastLine?: number }[] };
  return messages.map((m) => `${(m.url ?? '').replace(`file:${dir}/`, '')}:${m.lastLine ?? m.firstLine ?? 0}: ${m.message}`);
}
