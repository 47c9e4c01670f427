/**
 * What /saved/ tells the reader about the stored list it read (the Save
 * buttons of other pages say nothing: they show what could be read).
 */
import type { ReadProblem } from './list.ts';

/** The sentence for a problem with the stored value. */
export function problemMessage(problem: ReadProblem): string {
  switch (problem.kind) {
    case 'unreadable':
      return 'The reading list stored in this browser could not be read, so it was set aside: papers you save now start a new list.';
    case 'newer':
      return 'A newer version of this site changed your reading list. Reload the page to see it.';
    case 'entries':
      return `${problem.count === 1 ? 'One saved paper' : `${problem.count} saved papers`} could not be read from this browser's storage and ${problem.count === 1 ? 'is' : 'are'} left out.`;
  }
}
