import { throughCache } from './tile-generations';

/** The cache of TileGenerations in memory, at one generation and one WAL position of the last pass. */
function fakeCache(walBytes: number | null) {
  const stored = new Map<string, Buffer>();
  return {
    stored,
    of: () => Promise.resolve({ generation: '7.3', walBytes }),
    get: (key: string) => Promise.resolve(stored.get(key) ?? null),
    set: (key: string, tile: Buffer) => Promise.resolve(void stored.set(key, tile)),
  };
}

describe('throughCache', () => {
  const t = { z: 12, x: 3263, y: 1930 };
  const tile = Buffer.from('tile');

  it.each([
    ['no replica (no check)', true, 5000, undefined],
    ['a replica that replayed the last pass', true, 5000, (wal: number) => Promise.resolve(wal <= 5000)],
    ['a replica behind the last pass', false, 5000, (wal: number) => Promise.resolve(wal <= 4999)],
    ['a replica whose position cannot be read', false, 5000, () => Promise.reject(new Error('replica away'))],
    ['no pass recorded a position yet', true, null, () => Promise.resolve(false)],
  ] as const)('with %s, caches the tile: %s', async (_name, cached, walBytes, replayed) => {
    const cache = fakeCache(walBytes);
    await expect(throughCache(cache, t, 'r:k', 600, () => Promise.resolve(tile), replayed)).resolves.toBe(tile);
    expect(cache.stored.has('r:k@7.3')).toBe(cached);
  });

  it('serves a cached tile without computing it', async () => {
    const cache = fakeCache(5000);
    cache.stored.set('r:k@7.3', tile);
    const compute = jest.fn(() => Promise.resolve(Buffer.from('other')));
    await expect(throughCache(cache, t, 'r:k', 600, compute)).resolves.toBe(tile);
    expect(compute).not.toHaveBeenCalled();
  });
});
