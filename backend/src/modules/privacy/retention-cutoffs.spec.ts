import { loadConfig } from '../../engine/config/app-config';
import { RETENTION_POLICIES } from '../../engine/privacy/personal-data-registry';
import { APPLIED_POLICIES, retentionCutoffs } from './retention-cutoffs';

const NOW = new Date('2026-03-01T03:00:00Z');
const days = { reporterContact: 180, callerNumbers: 30, closedTicketPhotos: 365, notificationLog: 90, loginRecords: 1, auditPersonal: 365 };

describe('retention cut-offs', () => {
  it.each([
    ['reporterContact', '2025-09-02T03:00:00.000Z'],
    ['callerNumbers', '2026-01-30T03:00:00.000Z'],
    ['closedTicketPhotos', '2025-03-01T03:00:00.000Z'],
    ['notificationLog', '2025-12-01T03:00:00.000Z'],
    ['loginRecords', '2026-02-28T03:00:00.000Z'],
    ['auditPersonal', '2025-03-01T03:00:00.000Z'],
  ] as const)('%s expires before %s', (policy, cutoff) => {
    expect(retentionCutoffs(NOW, days)[policy].toISOString()).toBe(cutoff);
  });

  it('applies exactly the registry’s policies that have a setting, each read from that setting', () => {
    const withSetting = Object.entries(RETENTION_POLICIES).filter(([, p]) => p.setting !== null);
    expect(withSetting.map(([name]) => name).sort()).toEqual([...APPLIED_POLICIES].sort());
    const env = Object.fromEntries(withSetting.map(([, p], i) => [p.setting as string, String(11 + i)]));
    const retention = loadConfig({ NODE_ENV: 'test', ...env }).retention;
    expect(withSetting.map(([name]) => retention[name as keyof typeof retention])).toEqual(withSetting.map((_, i) => 11 + i));
  });

  it('has lawful defaults and refuses a retention of zero days, naming the setting', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).retention).toEqual({
      reporterContact: 180,
      callerNumbers: 180,
      closedTicketPhotos: 180,
      notificationLog: 90,
      loginRecords: 90,
      auditPersonal: 365,
    });
    expect(() => loadConfig({ NODE_ENV: 'test', RETENTION_REPORTER_CONTACT_DAYS: '0' })).toThrow(/RETENTION_REPORTER_CONTACT_DAYS/);
  });
});
