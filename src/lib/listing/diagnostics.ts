/**
 * Diagnostics: what the pipeline tells the site owner about their input.
 * Every diagnostic names a file and (when it can) a line or a JSON path, says
 * what is wrong and how to fix it, so a failed build is never a riddle.
 */

/** How bad a diagnostic is: errors stop the build, warnings are printed. */
export type Severity = 'error' | 'warning';

/** One finding about one place in one input file. */
export interface Diagnostic {
  severity: Severity;
  /** Path of the file as the user would type it (relative to the project). */
  file: string;
  /** 1-based line number, or 0 when the finding has no line (the whole file, or a JSON value named by `path`). */
  line: number;
  /** Where in a JSON file, as `[3].paper.title`; absent for text listings. */
  path?: string;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  hint: string;
}

/** Formats a diagnostic as `file:line: severity: message` (or `file: path: …` in JSON) plus a `fix:` line. */
export function formatDiagnostic(d: Diagnostic): string {
  const file = d.line > 0 ? `${d.file}:${d.line}` : d.file;
  const where = d.path ? `${file}: ${d.path}` : file;
  return `${where}: ${d.severity}: ${d.message}\n  fix: ${d.hint}`;
}

/** Thrown when input has errors; carries every diagnostic, not only the first. */
export class InputError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(
      `${errors.length} problem${errors.length === 1 ? '' : 's'} in the input:\n` +
        errors.map(formatDiagnostic).join('\n'),
    );
    this.name = 'InputError';
    this.diagnostics = diagnostics;
  }
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
