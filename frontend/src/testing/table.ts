import { expect, it } from 'vitest';

/**
 * A pure helper checked against a table: one test per row, named by `title` (it.each's format,
 * the input then the expected value), each asserting that the helper turns the row's input into
 * exactly its expected value (`toBe`; `itMapsEachEqual` compares structure with `toEqual`).
 */
export function itMapsEach<I, O>(title: string, fn: (input: I) => O, rows: readonly (readonly [I, O])[]): void {
  it.each(rows.map(([input, expected]) => [input, expected] as [I, O]))(title, (input, expected) => {
    expect(fn(input)).toBe(expected);
  });
}

/** As itMapsEach, for helpers that answer a list or an object. */
export function itMapsEachEqual<I, O>(title: string, fn: (input: I) => O, rows: readonly (readonly [I, O])[]): void {
  it.each(rows.map(([input, expected]) => [input, expected] as [I, O]))(title, (input, expected) => {
    expect(fn(input)).toEqual(expected);
  });
}
