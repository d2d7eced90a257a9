import { sqlList } from './sql-list';

describe('sqlList', () => {
  it.each([
    [['resolved', 'closed'], "('resolved', 'closed')"],
    [['logout'], "('logout')"],
  ])('%j', (values, sql) => {
    expect(sqlList(values)).toBe(sql);
  });
});
