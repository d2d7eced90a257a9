import { describe, expect, it } from 'vitest';
import { normaliseTrackingCode } from './trackingCode';
import { itMapsEach } from '../testing/table';

describe('normaliseTrackingCode', () => {
  itMapsEach('%j → %j', normaliseTrackingCode, [
    ['HCM-260301-ABCDEF', 'HCM-260301-ABCDEF'],
    ['hcm-260301-abcdef', 'HCM-260301-ABCDEF'],
    ['HCM260301ABCDEF', 'HCM-260301-ABCDEF'],
    ['260301-ABCDEF', 'HCM-260301-ABCDEF'],
    [' hcm 2603 01 ab-cd-ef ', 'HCM-260301-ABCDEF'],
    ['HCM_260301_23456Z', 'HCM-260301-23456Z'],
  ]);

  it.each([
    ['', 'empty'],
    ['HCM-260301-ABCDE', 'suffix too short'],
    ['HCM-260301-ABCDEFG', 'suffix too long'],
    ['HCM-26031-ABCDEF', 'date too short'],
    ['HCM-260301-ABCDE0', 'zero is not a suffix symbol'],
    ['HCM-260301-ABCDEO', 'O is not a suffix symbol'],
    ['HCM-260301-ABCDE1', 'one is not a suffix symbol'],
    ['HCM-260301-ABCDEI', 'I is not a suffix symbol'],
    ['HN-260301-ABCDEF', 'another prefix'],
  ])('%j is no code (%s)', (raw) => {
    expect(normaliseTrackingCode(raw)).toBeNull();
  });
});
