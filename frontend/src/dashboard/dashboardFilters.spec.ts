import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, insightsQuery, insightsScope, type DashboardFilters } from './dashboardFilters';

const filters = (over: Partial<DashboardFilters>): DashboardFilters => ({ ...DEFAULT_FILTERS, ...over });

describe('insightsScope', () => {
  it.each<[string, Partial<DashboardFilters>, object]>([
    ['nothing chosen', {}, {}],
    ['a group', { group: 'roads' }, { group: 'roads' }],
    ['a category wins over its group', { group: 'roads', category: 'pothole' }, { category: 'pothole' }],
    ['a unit beside a category', { category: 'pothole', unit: 'u1' }, { category: 'pothole', unit: 'u1' }],
    ['the status is not a figure filter', { status: 'overdue' }, {}],
  ])('%s', (_case, over, scope) => {
    expect(insightsScope(filters(over))).toEqual(scope);
  });
});

describe('insightsQuery', () => {
  it('adds the window to the scope', () => {
    const range = { from: '2026-12-01T00:00:00.000Z', to: '2026-12-08T00:00:00.000Z' };
    expect(insightsQuery(filters({ unit: 'u1' }), range)).toEqual({ unit: 'u1', ...range });
  });
});
