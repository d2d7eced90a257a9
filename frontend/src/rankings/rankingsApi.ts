import { apiRequest } from '../api/httpClient';

export type UnitKind = 'ward_committee' | 'department' | 'utility' | 'city';
export const UNIT_KINDS: readonly UnitKind[] = ['ward_committee', 'department', 'utility', 'city'];

/** One row of GET /api/v1/insights/rankings (backend insights.dto.ts, UnitRanking). */
export interface UnitRanking {
  unitId: string;
  code: string;
  name: string;
  nameEn: string;
  kind: UnitKind;
  received: number;
  resolved: number;
  resolvedOnTime: number;
  onTimeRate: number | null;
  satisfaction: { average: number | null; count: number };
  /** 1 = best; shared on equal rate and rating; null when the unit resolved nothing. */
  rank: number | null;
}

export interface UnitRankings {
  from: string;
  to: string;
  units: UnitRanking[];
}

export function fetchRankings(
  query: { from: string; to: string; kind: UnitKind | '' },
  token: string,
  signal: AbortSignal,
): Promise<UnitRankings> {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.kind) params.set('kind', query.kind);
  return apiRequest<UnitRankings>(`/insights/rankings?${params.toString()}`, { token, signal });
}
