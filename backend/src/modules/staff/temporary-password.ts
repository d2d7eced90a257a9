import { randomInt } from 'node:crypto';

// No 0/o, 1/l/i: read out over the phone or copied from a screen without mistakes.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Four groups of four (~79 bits): handed over once, changed at the first sign-in. */
export function temporaryPassword(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
  return groups.join('-');
}
