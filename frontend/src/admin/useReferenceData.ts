import { useMemo } from 'react';
import { fetchCategories, fetchUnits, fetchWardNames } from './adminApi';
import type { AdminCategory, HandlingUnit, WardName } from './adminTypes';
import { useApiData, type ApiData } from './useApiData';

/** Lists the admin pages look names up in, each loaded once per page and indexed by code or id. */
export interface ReferenceData {
  categories: ApiData<AdminCategory[]>;
  units: ApiData<HandlingUnit[]>;
  wards: ApiData<WardName[]>;
  categoryByCode: ReadonlyMap<string, AdminCategory>;
  unitById: ReadonlyMap<string, HandlingUnit>;
  unitByCode: ReadonlyMap<string, HandlingUnit>;
  wardByCode: ReadonlyMap<string, WardName>;
}

export function useReferenceData(token: string | null, need: { units?: boolean; wards?: boolean } = {}): ReferenceData {
  const categories = useApiData('categories', fetchCategories);
  const units = useApiData(need.units && token ? 'units' : null, (signal) => fetchUnits(token ?? '', signal));
  const wards = useApiData(need.wards ? 'wards' : null, fetchWardNames);

  const categoryByCode = useMemo(() => new Map((categories.data ?? []).map((c) => [c.code, c])), [categories.data]);
  const unitById = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u])), [units.data]);
  const unitByCode = useMemo(() => new Map((units.data ?? []).map((u) => [u.code, u])), [units.data]);
  const wardByCode = useMemo(() => new Map((wards.data ?? []).map((w) => [w.code, w])), [wards.data]);

  return { categories, units, wards, categoryByCode, unitById, unitByCode, wardByCode };
}
