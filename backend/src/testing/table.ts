/**
 * A pure function checked against a table (convention 3): one test per row, named by `title`
 * (it.each's format, the input then the expected value), each asserting that the function
 * turns the row's input into exactly its expected value.
 */
export function itMapsEach<I, O>(title: string, fn: (input: I) => O, rows: readonly (readonly [I, O])[]): void {
  it.each(rows.map(([input, expected]) => [input, expected] as [I, O]))(title, (input, expected) => {
    expect(fn(input)).toBe(expected);
  });
}

/** As itMapsEach, for a function of two arguments: each row holds both, then the expected value. */
export function itMapsEachPair<A, B, O>(title: string, fn: (a: A, b: B) => O, rows: readonly (readonly [A, B, O])[]): void {
  it.each(rows.map(([a, b, expected]) => [a, b, expected] as [A, B, O]))(title, (a, b, expected) => {
    expect(fn(a, b)).toBe(expected);
  });
}
