import { useEffect, useState } from 'react';
import { ApiError } from '../api/httpClient';
import { locatePoint } from './operatorApi';
import type { LatLng, WardRef } from './intakeTypes';

export type PinWardState =
  { status: 'none' } | { status: 'locating' } | { status: 'inside'; ward: WardRef } | { status: 'outside' } | { status: 'error' };

/** Which current ward holds the pin, asked again on every pin change. */
export function usePinWard(pin: LatLng | null): PinWardState {
  const [answer, setAnswer] = useState<{ pin: LatLng; state: PinWardState } | null>(null);

  useEffect(() => {
    if (!pin) return;
    const controller = new AbortController();
    locatePoint(pin.lat, pin.lng, controller.signal)
      .then(({ ward }) => setAnswer({ pin, state: { status: 'inside', ward } }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const outside = error instanceof ApiError && error.status === 422;
        setAnswer({ pin, state: { status: outside ? 'outside' : 'error' } });
      });
    return () => controller.abort();
  }, [pin]);

  if (!pin) return { status: 'none' };
  return answer?.pin === pin ? answer.state : { status: 'locating' };
}
