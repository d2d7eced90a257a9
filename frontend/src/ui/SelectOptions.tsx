interface SelectOptionsProps {
  options: readonly { value: string; label: string }[];
}

/** The options of a select, each with its value and shown label. */
export function SelectOptions({ options }: SelectOptionsProps) {
  return options.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ));
}
