import { looksPersonal, NOT_PERSONAL_COLUMNS, PERSONAL_DATA, RETENTION_POLICIES, registeredColumns } from './personal-data-registry';
import { itMapsEach } from '../../testing/table';

describe('personal-data registry', () => {
  itMapsEach('%s looks personal: %s', looksPersonal, [
    ['reporter_phone', true],
    ['ip', true],
    ['user_agent', true],
    ['description', true],
    ['full_name', true],
    ['recipient', true],
    ['shipped_at', false],
    ['created_at', false],
    ['follower_count', false],
    ['tip', false],
  ]);

  it('gives every kept entry its reason', () => {
    expect(PERSONAL_DATA.filter((e) => e.erasure === 'keep' && !e.note?.trim())).toEqual([]);
  });

  it('registers each column once, and never as both personal and not', () => {
    const columns = PERSONAL_DATA.flatMap((e) => (e.store === 'column' ? [`${e.table}.${e.column}`] : []));
    expect(columns.length).toBe(registeredColumns().size);
    expect(Object.keys(NOT_PERSONAL_COLUMNS).filter((c) => registeredColumns().has(c))).toEqual([]);
  });

  it('uses only known retention policies, each used by some entry', () => {
    const used = new Set(PERSONAL_DATA.map((e) => e.retention));
    expect([...used].filter((p) => !(p in RETENTION_POLICIES))).toEqual([]);
    expect(Object.keys(RETENTION_POLICIES).filter((p) => !used.has(p as never))).toEqual([]);
  });
});
