interface OptionsProps<T> {
  items: readonly T[];
  label(item: T): string;
  /** The option's value; the item itself when it is a string or a number. */
  value?(item: T): string | number;
}

/** The options of a select: one per item. */
export function Options<T>({ items, label, value = (item) => item as string | number }: OptionsProps<T>) {
  return items.map((item) => (
    <option key={value(item)} value={value(item)}>
      {label(item)}
    </option>
  ));
}
