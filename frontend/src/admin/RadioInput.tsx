/** One radio of a group named `name`; its test id is `<name>-<value>`. */
export function RadioInput<V extends string>(props: { name: string; value: V; checked: V; onChange(value: V): void }) {
  const { name, value } = props;
  return (
    <input
      type="radio"
      name={name}
      value={value}
      checked={props.checked === value}
      onChange={() => props.onChange(value)}
      data-testid={`${name}-${value}`}
    />
  );
}
