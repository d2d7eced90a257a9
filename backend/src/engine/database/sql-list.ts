/**
 * A parenthesised SQL list of literals, `('a', 'b')`, for `IN …` / `NOT IN …` and CHECK
 * constraints. Only for fixed lists in the code: values are quoted, not escaped.
 */
export const sqlList = (values: readonly string[]): string => `(${values.map((v) => `'${v}'`).join(', ')})`;
