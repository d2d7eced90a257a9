import { TextLayer } from '@deck.gl/layers';
import { LABEL_HALO, LABEL_TEXT } from './mapPalette';
import type { LabelCandidate } from './declutterLabels';

export const WARD_LABEL_LAYER_ID = 'ward-labels';
export const WARD_LABEL_FONT_SIZE = 12;
/** Below this zoom the 168 names cannot be read and only clutter the city overview. */
export const WARD_LABEL_MIN_ZOOM = 10;

// The browser's own sans-serif: the map must not fetch web fonts on the closed network.
const FONT_FAMILY = 'system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif';

export interface WardLabelLayerInput {
  /** Every label, in a stable array so the glyph atlas is built once. */
  labels: readonly LabelCandidate[];
  /** Codes kept by decluttering; the others get size 0. */
  shown: ReadonlySet<string>;
  /** Changes whenever `shown` does; deck.gl recomputes sizes only then. */
  shownKey: string;
  visible: boolean;
}

/** Ward name labels as a pure function of the labels and the declutter result; the id stays stable. */
export function createWardLabelLayer({ labels, shown, shownKey, visible }: WardLabelLayerInput): TextLayer<LabelCandidate> {
  return new TextLayer<LabelCandidate>({
    id: WARD_LABEL_LAYER_ID,
    data: labels,
    visible,
    getPosition: (label) => label.position,
    getText: (label) => label.text,
    getSize: (label) => (shown.has(label.code) ? WARD_LABEL_FONT_SIZE : 0),
    updateTriggers: { getSize: shownKey },
    sizeUnits: 'pixels',
    getColor: LABEL_TEXT,
    // Vietnamese names need precomposed letters (ạ, ế, ữ, ...) that the default ASCII atlas lacks.
    characterSet: 'auto',
    fontFamily: FONT_FAMILY,
    fontWeight: 600,
    fontSettings: { sdf: true, fontSize: 64, buffer: 8, radius: 12 },
    outlineWidth: 0.25,
    outlineColor: [...LABEL_HALO, 230],
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
    pickable: false,
  });
}
