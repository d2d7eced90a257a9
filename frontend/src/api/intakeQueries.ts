import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDebouncedValue } from '../ui/useDebouncedValue';
import { ApiError } from './apiError';
import { api, data, publicApi, type Schemas } from './client';
import { queryKeys } from './queryKeys';

// What the citizen's report form and the call centre's form both ask of the intake API.

export type Category = Schemas['Category'];
export type CategoryAttribute = Schemas['CategoryAttribute'];
export type CategoryRef = Schemas['CategoryRef'];
export type WardRef = Schemas['WardRef'];
export type WardSearchHit = Schemas['WardSearchHit'];
export type CreateReportBody = Schemas['CreateReportRequest'];
export type FiledReport = Schemas['FiledReport'];

/** The categories citizens pick from, grouped and ordered for the picker. */
export function useCategoriesQuery() {
  return useQuery({
    queryKey: queryKeys.categories(),
    queryFn: ({ signal }) => data(publicApi.GET('/api/v1/categories', { signal })),
  });
}

export type PinWard =
  { status: 'none' } | { status: 'locating' } | { status: 'inside'; ward: WardRef } | { status: 'outside' } | { status: 'error' };

/** What the page shows of the question "which ward holds the pin": never a previous pin's ward as the current one. */
export function pinWardOf(hasPin: boolean, query: { data?: { ward: WardRef }; error: unknown; isError: boolean }): PinWard {
  if (!hasPin) return { status: 'none' };
  // 422 intake.outside_city: the point is not in Ho Chi Minh City.
  if (query.isError) return { status: query.error instanceof ApiError && query.error.status === 422 ? 'outside' : 'error' };
  return query.data ? { status: 'inside', ward: query.data.ward } : { status: 'locating' };
}

/** Which current ward holds the pin, asked again for every new position. */
export function usePinWard(pin: { lat: number; lng: number } | null): PinWard {
  const lat = pin?.lat ?? 0;
  const lng = pin?.lng ?? 0;
  const query = useQuery({
    queryKey: queryKeys.locate(lat, lng),
    queryFn: ({ signal }) => data(publicApi.GET('/api/v1/geo/locate', { params: { query: { lat, lng } }, signal })),
    enabled: pin !== null,
  });
  return pinWardOf(pin !== null, query);
}

export interface WardSearch {
  /** The text the hits are for; the hits of an older text are never shown as the current ones. */
  hits: WardSearchHit[] | null;
  /** True until the hits for the text as typed now have arrived. */
  busy: boolean;
  failed: boolean;
}

/**
 * Accent-insensitive search of the current wards by any of their names, old ones included (the
 * server knows them through the crosswalk), once typing pauses for `delayMs`.
 */
export function useWardSearchQuery(
  text: string,
  options: { limit: number; delayMs: number; minLength: number; enabled?: boolean },
): WardSearch {
  const trimmed = text.trim();
  const settled = useDebouncedValue(trimmed, options.delayMs);
  const active = (options.enabled ?? true) && trimmed.length >= options.minLength;
  const enabled = active && settled.length >= options.minLength;
  const query = useQuery({
    queryKey: queryKeys.placeSearch(settled, options.limit),
    queryFn: ({ signal }) => data(publicApi.GET('/api/v1/geo/search', { params: { query: { q: settled, limit: options.limit } }, signal })),
    enabled,
  });
  return wardSearchOf(active, settled === trimmed, query);
}

/** The search as shown: nothing while inactive, busy until the hits for the text as typed now have arrived. */
export function wardSearchOf(
  active: boolean,
  settled: boolean,
  query: { data?: WardSearchHit[]; isError: boolean; isFetching: boolean; isPending: boolean },
): WardSearch {
  if (!active) return { hits: null, busy: false, failed: false };
  if (!settled || query.isFetching || query.isPending) return { hits: null, busy: true, failed: false };
  return query.isError || !query.data ? { hits: null, busy: false, failed: true } : { hits: query.data, busy: false, failed: false };
}

/**
 * Files a report. The same Idempotency-Key for every attempt of one form fill lets the server
 * answer a double click or a retry after a lost response with the report it already filed. The
 * citizen files as the public; the call centre as the signed-in operator.
 */
export function useFileReport(as: 'public' | 'staff') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateReportBody; idempotencyKey: string }) =>
      data((as === 'staff' ? api : publicApi).POST('/api/v1/reports', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.tickets() }),
  });
}
