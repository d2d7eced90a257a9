import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
/** zxcvbn's 3, "safely unguessable": about 10^8 guesses or more, against an online attack with throttling and a slow hash. */
export const PASSWORD_MIN_SCORE = 3;

export type PasswordProblem = 'too_short' | 'too_long' | 'guessable';

// One estimator for the process: building the dictionaries' ranked lists takes ~100 ms. Without
// the Levenshtein matcher: with it one check took up to 1.5 s of CPU (the event loop's), and the
// dictionary, l33t and pattern matchers already refuse every common password the spec tries.
let estimator: ZxcvbnFactory | null = null;
const zxcvbn = () => (estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));

/**
 * A staff password (issue 14): at least 12 characters, and not a common or breached password nor
 * anything close to one, to the account's own name, or to a keyboard walk, as judged by zxcvbn-ts
 * and its maintained list of common passwords. Demo accounts never pass through here: they are
 * seeded, not chosen. Plain TypeScript: no Nest.
 */
export function passwordProblems(password: string, userInputs: readonly string[] = []): PasswordProblem[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return ['too_short'];
  if (length > PASSWORD_MAX_LENGTH) return ['too_long'];
  const inputs = userInputs.flatMap((i) => [i, ...i.split(/[\s._-]+/)]).filter((i) => i.length >= 3);
  return zxcvbn().check(password, inputs).score < PASSWORD_MIN_SCORE ? ['guessable'] : [];
}
