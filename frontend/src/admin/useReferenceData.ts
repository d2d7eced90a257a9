import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useCategoriesQuery } from '../api/intakeQueries';
import { useUnits } from '../api/units';
import { useWardNames, type AdminCategory, type HandlingUnit, type WardName } from './adminQueries';

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

/** `wards`: the ward names too (their list is long; only the routing pages name wards). */
export function useReferenceData(need: { wards?: boolean } = {}): ReferenceData {
  const categories = useCategoriesQuery();
  const units = useUnits();
  const wards = useWardNames(need.wards ?? false);

  const categoryByCode = useMemo(() => new Map((categories.data ?? []).map((c) => [c.code, c])), [categories.data]);
  const unitById = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u])), [units.data]);
  const unitByCode = useMemo(() => new Map((units.data ?? []).map((u) => [u.code, u])), [units.data]);
  const wardByCode = useMemo(() => new Map((wards.data ?? []).map((w) => [w.code, w])), [wards.data]);

  return { categories, units, wards, categoryByCode, unitById, unitByCode, wardByCode };
}
