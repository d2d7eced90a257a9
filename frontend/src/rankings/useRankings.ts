import { api, data, type Schemas } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useSessionQuery } from '../auth/useSessionQuery';

export type UnitRanking = Schemas['UnitRanking'];
export type UnitKind = UnitRanking['kind'];
export const UNIT_KINDS: readonly UnitKind[] = ['ward_committee', 'department', 'utility', 'city'];

/** GET /insights/rankings for a period, all units or one kind of them. */
export function useRankings(query: { from: string; to: string; kind: UnitKind | '' }) {
  const params = { query: { from: query.from, to: query.to, kind: query.kind || undefined } };
  return useSessionQuery(
    queryKeys.insights('rankings', query),
    (signal) => data(api.GET('/api/v1/insights/rankings', { params, signal })),
    {
      keep: true,
    },
  );
}
