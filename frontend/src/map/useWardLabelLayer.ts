import { useEffect, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { TextLayer } from '@deck.gl/layers';
import { WARD_LABEL_FONT_SIZE, WARD_LABEL_MIN_ZOOM, createWardLabelLayer } from './createWardLabelLayer';
import { declutterLabels, type LabelCandidate } from './declutterLabels';
import type { WardsState } from './useWards';
import type { WardProperties } from './useWards';

/** The short name where there is one ("Bến Thành"), else the full name. */
export function shortWardName(ward: WardProperties): string {
  return ward.shortName || ward.name;
}

/**
 * Ward names as a deck.gl layer (no glyph server needed) for the caller to draw with its own
 * layers: every unit in a stable array, the decluttered subset shown, recomputed at most once
 * per animation frame of camera movement.
 */
export function useWardLabelLayer(
  map: MapLibreMap | null,
  wards: WardsState,
  labelOf: (ward: WardProperties) => string = shortWardName,
): TextLayer<LabelCandidate> | null {
  const [layer, setLayer] = useState<TextLayer<LabelCandidate> | null>(null);
  useEffect(() => {
    if (!map || wards.status !== 'ready') return;
    const labels: LabelCandidate[] = [...wards.wards]
      .sort((a, b) => (b.population ?? 0) - (a.population ?? 0))
      .map((ward) => ({ code: ward.code, text: labelOf(ward), position: [ward.labelLng, ward.labelLat] }));
    let frame = 0;
    let lastKey: string | null = null;
    const update = () => {
      frame = 0;
      const visible = map.getZoom() >= WARD_LABEL_MIN_ZOOM;
      const canvas = map.getCanvas();
      const shownLabels = visible
        ? declutterLabels(labels, (position) => map.project(position), {
            width: canvas.clientWidth,
            height: canvas.clientHeight,
            fontSize: WARD_LABEL_FONT_SIZE,
          })
        : [];
      const shownKey = `${visible}:${shownLabels.map((label) => label.code).join(',')}`;
      if (shownKey === lastKey) return;
      lastKey = shownKey;
      setLayer(createWardLabelLayer({ labels, shown: new Set(shownLabels.map((label) => label.code)), shownKey, visible }));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    map.on('move', schedule);
    map.on('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      map.off('move', schedule);
      map.off('resize', schedule);
    };
    // labelOf is a module-level function at every call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [map, wards]);
  return layer;
}
