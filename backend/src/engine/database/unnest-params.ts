/**
 * The parameters of a set-based write through `unnest($1::…[], $2::…[], …)`: one array per
 * column, in the order given; a column is a field of the row or a function of it.
 */
export function unnestParams<T>(rows: readonly T[], ...columns: ((keyof T & string) | ((row: T) => unknown))[]): unknown[][] {
  return columns.map((column) => rows.map((row) => (typeof column === 'function' ? column(row) : row[column])));
}
