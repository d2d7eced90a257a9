export interface LabelCandidate {
  code: string;
  text: string;
  position: [number, number];
}

export interface ScreenPoint {
  x: number;
  y: number;
}

export interface DeclutterOptions {
  width: number;
  height: number;
  fontSize: number;
  /** Pixels kept free between two labels. */
  gap?: number;
}

/**
 * Greedy screen-space placement: candidates come in priority order and a label is kept
 * only if its box stays on screen and overlaps none kept before it. With 168 units an
 * O(n²) pass is well under a millisecond, cheap enough to run on every camera move.
 */
export function declutterLabels<T extends LabelCandidate>(
  candidates: readonly T[],
  project: (position: [number, number]) => ScreenPoint,
  { width, height, fontSize, gap = 4 }: DeclutterOptions,
): T[] {
  // Average advance of a sans-serif glyph is ~0.6 em; the box is a little larger than the ink.
  const charWidth = fontSize * 0.6;
  const boxHeight = fontSize * 1.3;
  const placed: { left: number; right: number; top: number; bottom: number }[] = [];
  const kept: T[] = [];

  for (const candidate of candidates) {
    const { x, y } = project(candidate.position);
    const halfWidth = (candidate.text.length * charWidth) / 2 + gap;
    const box = { left: x - halfWidth, right: x + halfWidth, top: y - boxHeight / 2 - gap, bottom: y + boxHeight / 2 + gap };
    if (box.left < 0 || box.top < 0 || box.right > width || box.bottom > height) continue;
    const collides = placed.some(
      (other) => box.left < other.right && box.right > other.left && box.top < other.bottom && box.bottom > other.top,
    );
    if (collides) continue;
    placed.push(box);
    kept.push(candidate);
  }
  return kept;
}
