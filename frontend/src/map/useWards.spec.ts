import { describe, expect, it } from 'vitest';
import { boundsOf, type WardFeatureCollection } from './useWards';

const ward = (code: string, geometry: WardFeatureCollection['features'][number]['geometry']) => ({
  type: 'Feature' as const,
  id: code,
  properties: {
    code,
    name: code,
    shortName: code,
    kind: 'phuong' as const,
    population: null,
    areaKm2: null,
    labelLng: 0,
    labelLat: 0,
    validFrom: '2025-07-01',
  },
  geometry,
});

describe('boundsOf', () => {
  it('spans every polygon of every unit, islands included', () => {
    const collection: WardFeatureCollection = {
      type: 'FeatureCollection',
      features: [
        ward('26734', {
          type: 'Polygon',
          coordinates: [
            [
              [106.7, 10.77],
              [106.71, 10.78],
              [106.7, 10.78],
              [106.7, 10.77],
            ],
          ],
        }),
        ward('26299', {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [106.6, 8.68],
                [106.62, 8.7],
                [106.6, 8.7],
                [106.6, 8.68],
              ],
            ],
          ],
        }),
      ],
    };
    expect(boundsOf(collection)).toEqual([106.6, 8.68, 106.71, 10.78]);
  });

  it('has no bounds without units', () => {
    expect(boundsOf({ type: 'FeatureCollection', features: [] })).toBeNull();
  });
});
