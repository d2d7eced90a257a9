import { useEffect, useState } from 'react';
import type { Bounds, WardProperties } from './wardTypes';
import { boundsOf, fetchWards } from './wardsApi';

export type WardsState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; wards: WardProperties[]; byCode: ReadonlyMap<string, WardProperties>; bounds: Bounds | null };

/** Loads the current units once per map page; geometry is dropped after the bbox is taken (tiles draw the shapes). */
export function useWards(): WardsState {
  const [state, setState] = useState<WardsState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    fetchWards(controller.signal)
      .then((collection) => {
        const wards = collection.features.map((feature) => feature.properties);
        setState({
          status: 'ready',
          wards,
          byCode: new Map(wards.map((ward) => [ward.code, ward])),
          bounds: boundsOf(collection),
        });
      })
      .catch(() => {
        if (!controller.signal.aborted) setState({ status: 'error' });
      });
    return () => controller.abort();
  }, []);

  return state;
}
