import { describe, expect, it } from 'vitest';
import { isValidPhone, normalizePhone } from './phoneNumber';

describe('phone numbers', () => {
  it.each([
    ['0901234567', true, '0901234567'],
    ['090 123 4567', true, '0901234567'],
    ['090.123.4567', true, '0901234567'],
    ['(028) 3822-1234', true, '02838221234'],
    ['+84901234567', true, '0901234567'],
    ['84901234567', true, '0901234567'],
    ['+84 90 123 45 67', true, '0901234567'],
    [' 0901234567 ', true, '0901234567'],
    ['090123456', false, '090123456'],
    ['090123456789', false, '090123456789'],
    ['1901234567', false, '1901234567'],
    ['09012a4567', false, '090124567'],
    ['', false, ''],
  ])('%j: valid %s, stored as %j', (phone, valid, stored) => {
    expect(isValidPhone(phone)).toBe(valid);
    expect(normalizePhone(phone)).toBe(stored);
  });
});
