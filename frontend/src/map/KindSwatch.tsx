import { LAND, WARD_FILL, WARD_FILL_OPACITY } from './mapPalette';
import type { WardKind } from './useWards';

/** The colour a unit of this kind has on the map: its fill blended over the land at the map's opacity. */
export function KindSwatch({ kind }: { kind: string }) {
  const fill = WARD_FILL[kind as WardKind] ?? WARD_FILL.thi_tran;
  const backgroundColor = `color-mix(in srgb, ${fill} ${Math.round(WARD_FILL_OPACITY * 100)}%, ${LAND})`;
  return <span className="kind-swatch" style={{ backgroundColor }} aria-hidden="true" />;
}
