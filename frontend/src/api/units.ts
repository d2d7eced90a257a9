import { useQuery } from '@tanstack/react-query';
import { api, data, type Schemas } from './client';
import { queryKeys } from './queryKeys';

/** GET /units: a handling unit (ward committee, department, utility, the city). */
export type HandlingUnit = Schemas['HandlingUnit'];

/** The handling units, loaded once for every screen that names or picks one. */
export function useUnits() {
  return useQuery({
    queryKey: queryKeys.units(),
    queryFn: ({ signal }) => data(api.GET('/api/v1/units', { signal })),
  });
}
