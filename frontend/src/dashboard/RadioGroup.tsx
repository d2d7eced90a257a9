import { RadioInput } from '../admin/RadioInput';

interface RadioGroupProps<V extends string> {
  /** The inputs' name; each input's test id is `<name>-<value>`. */
  name: string;
  label: string;
  className: string;
  values: readonly V[];
  checked: V;
  onChange(value: V): void;
  text(value: V): string;
}

/** A row of radio buttons choosing one of a few values. */
export function RadioGroup<V extends string>({ name, label, className, values, checked, onChange, text }: RadioGroupProps<V>) {
  return (
    <div role="radiogroup" aria-label={label} className={className}>
      {values.map((value) => (
        <label key={value}>
          <RadioInput name={name} value={value} checked={checked} onChange={onChange} />
          {text(value)}
        </label>
      ))}
    </div>
  );
}
