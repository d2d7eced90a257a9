import { SelectOptions } from '../ui/SelectOptions';
import { FormField } from '../ui/FormField';

interface SelectFieldProps<V extends string> {
  /** The select's id, and its test id. */
  id: string;
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange(value: V): void;
}

/** A labelled select of a filter bar. */
export function SelectField<V extends string>({ id, label, value, options, onChange }: SelectFieldProps<V>) {
  return (
    <FormField className="field admin-field" htmlFor={id} label={label}>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as V)} data-testid={id}>
        <SelectOptions options={options} />
      </select>
    </FormField>
  );
}
