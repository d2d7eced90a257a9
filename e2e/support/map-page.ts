import type { Page } from 'playwright-core';
import { decodePng, type DecodedPng } from './png';

/** The slice of MapLibre's Map the tests drive through a page's documented test hook (window[hook]). */
export interface MapHandle {
  queryRenderedFeatures(
    geometry: [[number, number], [number, number]] | undefined,
    options: { layers: string[] },
  ): { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
  jumpTo(options: { center: [number, number]; zoom?: number }): void;
  project(lngLat: [number, number]): { x: number; y: number };
  once(event: 'idle', listener: () => void): void;
  triggerRepaint(): void;
  getLayer(id: string): unknown;
  getZoom(): number;
  getSource(id: string): { tiles?: string[] } | undefined;
}

/** Resolves once MapLibre is idle (every tile of the view loaded), after an optional jump. */
export async function settle(page: Page, hook: string, center?: [number, number], zoom?: number): Promise<void> {
  await page.evaluate(
    ({ hook, center, zoom }) =>
      new Promise<void>((resolve) => {
        const map = (globalThis as unknown as Record<string, MapHandle>)[hook];
        map.once('idle', () => resolve());
        if (center && zoom !== undefined) map.jumpTo({ center, zoom });
        map.triggerRepaint();
      }),
    { hook, center, zoom },
  );
}

/** Sum of `count` and number of features drawn by `layers` within `box` px of a point, and the point on screen. */
export async function countAround(
  page: Page,
  hook: string,
  lngLat: [number, number],
  layers: string[],
  box: number,
): Promise<{ count: number; features: number; anchor: { x: number; y: number } }> {
  return page.evaluate(
    ({ hook, lngLat, layers, box }) => {
      const map = (globalThis as unknown as Record<string, MapHandle>)[hook];
      const anchor = map.project(lngLat);
      const present = layers.filter((id) => map.getLayer(id));
      const features = map.queryRenderedFeatures(
        [
          [anchor.x - box, anchor.y - box],
          [anchor.x + box, anchor.y + box],
        ],
        { layers: present },
      );
      const count = features.reduce((sum, feature) => sum + Number(feature.properties.count ?? 1), 0);
      return { count, features: features.length, anchor };
    },
    { hook, lngLat, layers, box },
  );
}

export async function screenshot(page: Page, testId: string): Promise<DecodedPng> {
  return decodePng(await page.getByTestId(testId).screenshot());
}

/** Pixels that differ clearly between two screenshots of the same view, within `box` px of `centre` (whole image without). */
export function changedPixels(a: DecodedPng, b: DecodedPng, centre?: { x: number; y: number }, box = 40): number {
  const top = centre ? Math.max(0, Math.floor(centre.y - box)) : 0;
  const bottom = centre ? Math.min(a.height, centre.y + box) : a.height;
  const left = centre ? Math.max(0, Math.floor(centre.x - box)) : 0;
  const right = centre ? Math.min(a.width, centre.x + box) : a.width;
  let count = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = left; x < right; x++) {
      const i = (y * a.width + x) * a.channels;
      const diff =
        Math.abs(a.pixels[i] - b.pixels[i]) + Math.abs(a.pixels[i + 1] - b.pixels[i + 1]) + Math.abs(a.pixels[i + 2] - b.pixels[i + 2]);
      if (diff > 30) count++;
    }
  }
  return count;
}

/** Pixels within 40 px of `anchor` that a layer's checkbox changes: the map with the layer on, off, and on again when it returns. */
export async function pixelsOfLayer(
  page: Page,
  hook: string,
  mapTestId: string,
  layerTestId: string,
  anchor: { x: number; y: number },
): Promise<number> {
  const on = await screenshot(page, mapTestId);
  await page.getByTestId(layerTestId).uncheck();
  await settle(page, hook);
  const off = await screenshot(page, mapTestId);
  await page.getByTestId(layerTestId).check();
  await settle(page, hook);
  return changedPixels(on, off, anchor);
}
