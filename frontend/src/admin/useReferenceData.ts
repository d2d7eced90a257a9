import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useCategories, useUnits, useWardNames, type AdminCategory, type HandlingUnit, type WardName } from './adminQueries';

/** Lists the admin pages look names up in, each loaded once per page and indexed by code or id. */
export interface ReferenceData {
  categories: UseQueryResult<AdminCategory[]>;
  units: UseQueryResult<HandlingUnit[]>;
  wards: UseQueryResult<WardName[]>;
  categoryByCode: ReadonlyMap<string, AdminCategory>;
  unitById: ReadonlyMap<string, HandlingUnit>;
  unitByCode: ReadonlyMap<string, HandlingUnit>;
  wardByCode: ReadonlyMap<string, WardName>;
}

export function useReferenceData(need: { units?: boolean; wards?: boolean } = {}): ReferenceData {
  const categories = useCategories();
  const units = useUnits(need.units ?? false);
  const wards = useWardNames(need.wards ?? false);

  const categoryByCode = useMemo(() => new Map((categories.data ?? []).map((c) => [c.code, c])), [categories.data]);
  const unitById = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u])), [units.data]);
  const unitByCode = useMemo(() => new Map((units.data ?? []).map((u) => [u.code, u])), [units.data]);
  const wardByCode = useMemo(() => new Map((wards.data ?? []).map((w) => [w.code, w])), [wards.data]);

  return { categories, units, wards, categoryByCode, unitById, unitByCode, wardByCode };
}
