import { heatCellMetres, PUBLIC_SNAP_M, publicCellMetres, snapToPublicCell, tileOf, toMercator, WORLD_M } from './tile-grid';

describe('tile grid', () => {
  it.each([
    [0, WORLD_M / 64],
    [12, 152.8740565703525],
    [13, 76.43702828517625],
  ])('heat cell at z%i is %f m', (z, m) => {
    expect(heatCellMetres(z)).toBeCloseTo(m, 6);
  });

  it.each([
    [10, heatCellMetres(10)],
    [11, heatCellMetres(11)],
    [12, 152.8740565703525],
    [18, 152.8740565703525],
  ])('public cell at z%i is %f m (never under the level-11 cell, ~150 m)', (z, m) => {
    expect(publicCellMetres(z)).toBeCloseTo(m, 6);
  });

  it.each([
    ['Chợ Bến Thành', 10.7725, 106.6981],
    ['a pin 1 m east of it', 10.7725, 106.698109],
    ['Côn Đảo', 8.6829, 106.6089],
    ['Cần Giờ', 10.4114, 106.9536],
  ])('snaps %s to the centre of its public cell, under ~110 m away', (_where, lat, lng) => {
    const snapped = snapToPublicCell(lat, lng);
    const p = toMercator(lat, lng);
    const s = toMercator(snapped.lat, snapped.lng);
    // The same cell, at its centre (to the 6-decimal rounding, ~0.1 m).
    expect(Math.floor((s.x + WORLD_M / 2) / PUBLIC_SNAP_M)).toBe(Math.floor((p.x + WORLD_M / 2) / PUBLIC_SNAP_M));
    expect(Math.floor((s.y + WORLD_M / 2) / PUBLIC_SNAP_M)).toBe(Math.floor((p.y + WORLD_M / 2) / PUBLIC_SNAP_M));
    expect((((s.x + WORLD_M / 2) / PUBLIC_SNAP_M) % 1) - 0.5).toBeCloseTo(0, 2);
    expect((((s.y + WORLD_M / 2) / PUBLIC_SNAP_M) % 1) - 0.5).toBeCloseTo(0, 2);
    expect(Math.hypot(s.x - p.x, s.y - p.y)).toBeLessThan((PUBLIC_SNAP_M * Math.SQRT2) / 2 + 1);
  });

  it('gives one point for every pin in a cell', () => {
    expect(snapToPublicCell(10.7725, 106.6981)).toEqual(snapToPublicCell(10.7725, 106.698109));
  });

  it('a whole number of heat cells spans a tile, so cells never straddle tiles', () => {
    for (const z of [0, 5, 12, 13]) expect((WORLD_M / 2 ** z / heatCellMetres(z)) % 1).toBe(0);
  });

  it.each([
    [12, 10.7725, 106.6981, 3261, 1924],
    [0, 10.7725, 106.6981, 0, 0],
  ])('z%i tile of %f, %f is %i/%i', (z, lat, lng, x, y) => {
    expect(tileOf(z, lat, lng)).toEqual({ z, x, y });
  });

  it('projects to EPSG:3857', () => {
    const p = toMercator(10.7725, 106.6981); // ST_Transform of the same point gives 11877578.1606, 1206317.4972
    expect(p.x).toBeCloseTo(11877578.16, 1);
    expect(p.y).toBeCloseTo(1206317.5, 1);
  });
});
