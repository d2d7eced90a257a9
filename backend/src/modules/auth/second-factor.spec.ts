import { generateSync } from 'otplib';
import { acceptedStep, isRecoveryCode, newRecoveryCodes, otpauthUri, recoveryCodeHash } from './second-factor';
import { itMapsEach } from '../../testing/table';

// RFC 6238's test key ("12345678901234567890") in Base32.
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const T = 1_111_111_109; // an RFC 6238 test time; its step is 37037036
const at = (seconds: number) => generateSync({ secret: SECRET, epoch: seconds });

describe('acceptedStep', () => {
  it('matches RFC 6238 (SHA-1, 6 digits) at its test time', () => {
    expect(at(T)).toBe('081804');
  });

  it.each<[string, () => string, number, number | null, number | null]>([
    ['the current code', () => at(T), T, null, 37037036],
    ['the previous step (a slow phone)', () => at(T - 30), T, null, 37037035],
    ['the next step (a fast phone)', () => at(T + 30), T, null, 37037037],
    ['two steps old', () => at(T - 60), T, null, null],
    ['the same code again', () => at(T), T, 37037036, null],
    ['an older step after a newer one was used', () => at(T - 30), T, 37037036, null],
    ['with spaces', () => at(T).replace(/(\d{3})/, '$1 '), T, null, 37037036],
    ['five digits', () => at(T).slice(1), T, null, null],
    ['letters', () => 'abcdef', T, null, null],
  ])('%s → %s', (_, code, now, last, step) => {
    expect(acceptedStep(SECRET, code(), now, last)).toBe(step);
  });
});

describe('recovery codes', () => {
  it('are ten distinct codes of the form xxxxx-xxxxx', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(isRecoveryCode(c)).toBe(true);
  });

  it.each([
    ['ABCDE-FGHJK', 'abcde-fghjk'],
    ['abcde fghjk', 'abcde-fghjk'],
    ['abcdefghjk', 'abcde-fghjk'],
  ])('hash %j as %j does', (typed, original) => {
    expect(recoveryCodeHash(typed)).toBe(recoveryCodeHash(original));
  });

  itMapsEach('isRecoveryCode(%j) = %s', isRecoveryCode, [
    ['123456', false],
    ['abcde-fghjk', true],
    ['abcde-fghj', false],
  ]);
});

it('names the account and the issuer in the enrolment URI', () => {
  expect(otpauthUri('ward.x', SECRET)).toMatch(/^otpauth:\/\/totp\/.+:ward\.x\?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=/);
});
