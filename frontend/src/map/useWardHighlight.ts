import { useEffect } from 'react';
import { wardFeature } from './basemapStyle';
import type { BasemapMap } from './useBasemapMap';

/** Mirrors one highlighted ward into MapLibre feature-state (the basemap's fill and outline read it), moving it when the code changes. */
export function useWardHighlight(
  { map, liveMap }: Pick<BasemapMap, 'map' | 'liveMap'>,
  code: string | null,
  key: 'hover' | 'selected' = 'selected',
): void {
  useEffect(() => {
    if (!map || !code) return;
    map.setFeatureState(wardFeature(code), { [key]: true });
    return () => {
      // eslint-disable-next-line react-hooks/exhaustive-deps -- the cleanup acts only if this map is still the live one when it runs
      if (liveMap.current === map) map.removeFeatureState(wardFeature(code), key);
    };
  }, [map, liveMap, code, key]);
}
