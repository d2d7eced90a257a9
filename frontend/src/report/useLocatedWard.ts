import { useEffect, useState } from 'react';
import { ApiError } from '../api/httpClient';
import { locatePoint } from './reportApi';
import type { LngLat, LocationStatus } from './reportForm';
import type { WardRef } from './reportTypes';

export interface LocatedWard {
  status: LocationStatus;
  ward: WardRef | null;
}

const OUTSIDE_CITY = 'intake.outside_city';

/** The unit containing the pin, asked again on every move; a newer move cancels the older question. */
export function useLocatedWard(pin: LngLat | null): LocatedWard {
  const [result, setResult] = useState<LocatedWard & { for: LngLat | null }>({ status: 'none', ward: null, for: null });

  useEffect(() => {
    if (!pin) return;
    const controller = new AbortController();
    locatePoint(pin.lat, pin.lng, controller.signal)
      .then(({ ward }) => setResult({ status: 'inside', ward, for: pin }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const outside = error instanceof ApiError && (error.code === OUTSIDE_CITY || error.status === 422);
        setResult({ status: outside ? 'outside' : 'error', ward: null, for: pin });
      });
    return () => controller.abort();
  }, [pin]);

  if (!pin) return { status: 'none', ward: null };
  // Until the answer for this very position arrives, the previous ward must not be shown as current.
  if (result.for !== pin) return { status: 'locating', ward: null };
  return { status: result.status, ward: result.ward };
}
