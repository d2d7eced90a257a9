import { getisOrdGiStar } from './getis-ord';

/**
 * Hand-computed: four cells in a row, values [0, 0, 0, 4]: n = 4, mean 1, S = √(16/4 − 1) = √3.
 * End cells have 2 in their neighbourhood (denominator √3·√((8 − 4)/3) = 2), middle ones 3
 * (denominator √3·√((12 − 9)/3) = √3). Cell 3: (4 − 2)/2 = 1; cell 2: (4 − 3)/√3; cell 1: −3/√3; cell 0: −2/2.
 * [0, 4, 4, 0]: mean 2, S = √(32/4 − 4) = 2; middle cells (8 − 6)/(2·1) = 1, end cells (4 − 4)/… = 0.
 */
const chain = [[1], [0, 2], [1, 3], [2]];

describe('getisOrdGiStar', () => {
  it.each([
    {
      name: 'a row of four with the mass at one end',
      values: [0, 0, 0, 4],
      neighbours: chain,
      z: [-1, -Math.sqrt(3), 1 / Math.sqrt(3), 1],
    },
    { name: 'symmetric mass in the middle', values: [0, 4, 4, 0], neighbours: chain, z: [0, 1, 1, 0] },
    { name: 'all values equal: no variance, no z', values: [3, 3, 3, 3], neighbours: chain, z: [null, null, null, null] },
    {
      name: 'a neighbourhood covering the whole area: no z',
      values: [0, 1, 5],
      neighbours: [
        [1, 2],
        [0, 2],
        [0, 1],
      ],
      z: [null, null, null],
    },
    { name: 'a single cell', values: [7], neighbours: [[]], z: [null] },
  ])('$name', ({ values, neighbours, z }) => {
    const got = getisOrdGiStar(values, neighbours);
    expect(got).toHaveLength(z.length);
    got.forEach((g, i) => (z[i] === null ? expect(g).toBeNull() : expect(g).toBeCloseTo(z[i], 10)));
  });

  it('ignores a cell listed as its own neighbour (it is always counted once)', () => {
    expect(
      getisOrdGiStar(
        [0, 0, 0, 4],
        [
          [0, 1],
          [0, 2],
          [1, 3],
          [2, 3],
        ],
      ),
    ).toEqual(getisOrdGiStar([0, 0, 0, 4], chain));
  });
});
