/** Test helper: catch the InputError a call must throw. */
import { InputError } from '../../src/lib/listing/diagnostics.ts';

/** Runs `fn` expecting an InputError and returns it. */
export function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}
