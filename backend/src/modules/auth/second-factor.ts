import { createHash, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';

/** RFC 6238 as authenticator apps use it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_STEP_SECONDS = 30;
/** One step either side: a phone's clock a little off still works, and nothing wider. */
const TOLERANCE_SECONDS = TOTP_STEP_SECONDS;
const ISSUER = 'Tổng đài 1022 TP.HCM';
export const RECOVERY_CODES = 10;
// No 0/o, 1/l/i: written on paper and typed back.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export const newTotpSecret = (): string => generateSecret({ length: 20 });

export const otpauthUri = (username: string, secret: string): string => generateURI({ issuer: ISSUER, label: username, secret });

/**
 * The time step a code is good for, or null: a code counts once, so one whose step is not after
 * `lastStep` (the last one accepted) is refused even inside its 30 seconds.
 */
export function acceptedStep(secret: string, code: string, nowSeconds: number, lastStep: number | null): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const result = verifySync({
    secret,
    token,
    epoch: nowSeconds,
    epochTolerance: TOLERANCE_SECONDS,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  // The TOTP result carries its step; HOTP's (not used here) does not.
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Ten codes of ten characters (~49 bits each), shown once; only their hashes are kept. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODES }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** The same hash however the code is typed back (case, spaces, the hyphen). */
export function recoveryCodeHash(code: string): string {
  return createHash('sha256').update(code.toLowerCase().replace(/[\s-]/g, '')).digest('hex');
}

/** Whether a sign-in code looks like a recovery code rather than a TOTP code. */
export const isRecoveryCode = (code: string): boolean => /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(code.trim());
