import { useEffect, type RefObject } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import { WARD_LABEL_FONT_SIZE, WARD_LABEL_MIN_ZOOM, createWardLabelLayer } from './createWardLabelLayer';
import { declutterLabels, type LabelCandidate } from './declutterLabels';
import type { WardsState } from './useWards';
import type { WardProperties } from './wardTypes';

/**
 * Ward names drawn by deck.gl (no glyph server needed): every unit in a stable array, the
 * decluttered subset shown, recomputed at most once per animation frame of camera movement.
 */
export function useWardLabels(
  map: MapLibreMap | null,
  overlayRef: RefObject<MapLibreOverlay | null>,
  wards: WardsState,
  labelOf: (ward: WardProperties) => string,
): void {
  useEffect(() => {
    const overlay = overlayRef.current;
    if (!map || !overlay || wards.status !== 'ready') return;
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
      const shown = new Set(shownLabels.map((label) => label.code));
      overlay.setProps({ layers: [createWardLabelLayer({ labels, shown, shownKey, visible })] });
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
      if (overlayRef.current === overlay) overlay.setProps({ layers: [] });
    };
    // labelOf is a module-level function at both call sites.
  }, [map, wards]);
}
