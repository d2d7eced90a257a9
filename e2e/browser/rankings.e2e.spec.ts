import type { Page } from 'playwright-core';
import { rankingPeriod, type RankingPeriod } from '../../frontend/src/rankings/rankingPeriods';
import { api, login } from '../support/api';
import { baseUrl } from '../support/browser';
import { pagePerTest, signIn, switchToEnglish } from '../support/session';

/**
 * The unit rankings page through a real browser: a leader opens it from the header, and the
 * table's first rows are the API's ranking for the period and kind picked.
 */

const TIMEOUT_MS = 120_000;
const FIRST_ROWS = 10;

interface ApiUnit {
  unitId: string;
  name: string;
  kind: string;
  rank: number | null;
  onTimeRate: number | null;
}

describe('the period picker’s city dates', () => {
  // 2026-01-15 02:00 UTC is 09:00 in the city; 2026-01-31 18:00 UTC is already 1 February there.
  it.each<[RankingPeriod, string, string, string, string, string]>([
    ['thisMonth', '2026-01-15T02:00:00Z', '2026-01-01T00:00:00+07:00', '2026-02-01T00:00:00+07:00', '2026-01-01', '2026-01-31'],
    ['lastMonth', '2026-01-15T02:00:00Z', '2025-12-01T00:00:00+07:00', '2026-01-01T00:00:00+07:00', '2025-12-01', '2025-12-31'],
    ['thisMonth', '2026-01-31T18:00:00Z', '2026-02-01T00:00:00+07:00', '2026-03-01T00:00:00+07:00', '2026-02-01', '2026-02-28'],
    ['lastMonth', '2026-03-10T00:00:00Z', '2026-02-01T00:00:00+07:00', '2026-03-01T00:00:00+07:00', '2026-02-01', '2026-02-28'],
    ['last90', '2026-03-31T05:00:00Z', '2026-01-01T00:00:00+07:00', '2026-04-01T00:00:00+07:00', '2026-01-01', '2026-03-31'],
    ['last90', '2026-01-15T02:00:00Z', '2025-10-18T00:00:00+07:00', '2026-01-16T00:00:00+07:00', '2025-10-18', '2026-01-15'],
  ])('%s at %s is [%s, %s), %s to %s', (period, now, from, to, firstDay, lastDay) => {
    expect(rankingPeriod(period, Date.parse(now))).toEqual({ from, to, firstDay, lastDay });
  });
});

describe('unit rankings in the browser', () => {
  let page: Page;
  let token: string;
  pagePerTest({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' }, (opened) => (page = opened));

  beforeAll(async () => {
    token = await login('leader');
  }, TIMEOUT_MS);

  /** The API's answer for the table's period and `kind`, once the table shows that answer's first unit. */
  async function apiAnswerShown(kind: string): Promise<ApiUnit[]> {
    const table = page.getByTestId('rankings-table');
    await table.waitFor();
    const from = (await table.getAttribute('data-from'))!;
    const to = (await table.getAttribute('data-to'))!;
    const params = new URLSearchParams({ from, to });
    if (kind) params.set('kind', kind);
    const res = await api('GET', `/api/v1/insights/rankings?${params.toString()}`, { token });
    expect(res.status).toBe(200);
    const units = res.body.units as ApiUnit[];
    expect(units.length).toBeGreaterThan(0);
    await page.waitForFunction(
      ({ id, count }) => {
        const rows = document.querySelectorAll('[data-testid="rankings-row"]');
        return rows.length === count && rows[0]?.getAttribute('data-unit-id') === id;
      },
      { id: units[0].unitId, count: units.length },
    );
    return units;
  }

  async function firstRows(): Promise<{ unitId: string | null; rank: string | null; name: string | null }[]> {
    const rows = page.getByTestId('rankings-row');
    const out = [];
    for (let k = 0; k < Math.min(FIRST_ROWS, await rows.count()); k++) {
      const row = rows.nth(k);
      out.push({
        unitId: await row.getAttribute('data-unit-id'),
        rank: await row.getAttribute('data-rank'),
        name: await row.getByTestId('rankings-name').textContent(),
      });
    }
    return out;
  }

  const expected = (units: ApiUnit[]) =>
    units.slice(0, FIRST_ROWS).map((u) => ({ unitId: u.unitId, rank: u.rank === null ? '' : String(u.rank), name: u.name }));

  it(
    'opens from the header for a leader; the first rows are the API’s ranking, through the kind and period filters',
    async () => {
      await signIn(page, 'leader', /\/leader$/);
      expect(await page.getByTestId('nav-rankings').textContent()).toBe('Xếp hạng đơn vị');
      await page.getByTestId('nav-rankings').click();
      await page.waitForURL(/\/rankings$/);

      // This month, every kind.
      const table = page.getByTestId('rankings-table');
      await table.waitFor();
      expect(await table.getAttribute('data-from')).toBe(new Date(rankingPeriod('thisMonth').from).toISOString());
      const all = await apiAnswerShown('');
      expect(await firstRows()).toEqual(expected(all));
      // Ranked first, in order; the first row is ranked when anything was resolved this month.
      const ranks = all.map((u) => u.rank);
      const ranked = ranks.filter((r): r is number => r !== null);
      expect(ranks.slice(0, ranked.length)).toEqual(ranked);
      expect(ranked).toEqual([...ranked].sort((a, b) => a - b));
      if (ranked.length > 0) expect(await page.getByTestId('rankings-rank').first().textContent()).toBe(String(all[0].rank));

      // Ward People's Committees only.
      await page.getByTestId('rankings-kind').selectOption('ward_committee');
      const wards = await apiAnswerShown('ward_committee');
      expect(wards.length).toBeGreaterThanOrEqual(168);
      expect(wards.every((u) => u.kind === 'ward_committee')).toBe(true);
      expect(await firstRows()).toEqual(expected(wards));

      // The last 90 days.
      await page.getByTestId('rankings-period').selectOption('last90');
      await page.locator(`[data-testid="rankings-table"][data-from="${new Date(rankingPeriod('last90').from).toISOString()}"]`).waitFor();
      const quarter = await apiAnswerShown('ward_committee');
      expect(await firstRows()).toEqual(expected(quarter));
      expect(quarter.filter((u) => u.rank !== null).length).toBeGreaterThan(0);

      // English on request.
      await switchToEnglish(page);
      expect(await page.getByTestId('nav-rankings').textContent()).toBe('Unit rankings');
    },
    TIMEOUT_MS,
  );

  it(
    'is not in an official’s header, and refuses the page to an official',
    async () => {
      await signIn(page, 'ward.benthanh', /\/workbench$/);
      expect(await page.getByTestId('nav-rankings').count()).toBe(0);
      await page.goto(`${baseUrl}/rankings`);
      await page.getByTestId('forbidden-page').waitFor();
    },
    TIMEOUT_MS,
  );
});
