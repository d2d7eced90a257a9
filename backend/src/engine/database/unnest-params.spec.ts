import { unnestParams } from './unnest-params';

describe('unnestParams', () => {
  const rows = [
    { id: '1', data: { a: 1 }, n: null },
    { id: '2', data: { a: 2 }, n: 3 },
  ];

  it('gives one array per column, in the order named, from fields or functions of the row', () => {
    expect(unnestParams(rows, 'id', (r) => JSON.stringify(r.data), 'n')).toEqual([
      ['1', '2'],
      ['{"a":1}', '{"a":2}'],
      [null, 3],
    ]);
  });

  it('gives empty arrays for no rows', () => {
    expect(unnestParams([] as typeof rows, 'id', 'n')).toEqual([[], []]);
  });
});
