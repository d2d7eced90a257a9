import type { ReactNode, Ref } from 'react';
import type { AdminCategory } from './adminQueries';
import { controlAttributes, FormField } from './FormField';
import { useAdminFormat } from './useAdminFormat';

interface CategorySelectProps {
  id: string;
  testId: string;
  categories: readonly AdminCategory[];
  value: string;
  onChange(code: string): void;
  /** The label of the empty choice ("all categories", "default for every category", "choose …"). */
  emptyLabel: string;
  selectRef?: Ref<HTMLSelectElement>;
  invalid?: boolean;
  describedBy?: string;
  disabled?: boolean;
}

/** The categories under their groups, as the citizen's picker groups them. */
export function CategorySelect({ selectRef, ...props }: CategorySelectProps) {
  const format = useAdminFormat();
  const groups = new Map<string, { label: string; categories: AdminCategory[] }>();
  for (const category of props.categories) {
    const group = groups.get(category.groupCode) ?? { label: format.group(category), categories: [] };
    group.categories.push(category);
    groups.set(category.groupCode, group);
  }

  return (
    <select
      {...controlAttributes(props)}
      ref={selectRef}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
      disabled={props.disabled}
    >
      <option value="">{props.emptyLabel}</option>
      {[...groups.entries()].map(([code, group]) => (
        <optgroup key={code} label={group.label}>
          {group.categories.map((category) => (
            <option key={category.code} value={category.code}>
              {format.category(category, category.code)}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

type CategoryFieldProps = Pick<CategorySelectProps, 'categories' | 'value' | 'onChange' | 'emptyLabel' | 'selectRef'> & {
  /** The select's id and test id. */
  id: string;
  label: string;
  error: string | null;
  /** Under the select: what the chosen category implies. */
  children?: ReactNode;
};

/** The category of an admin form, under its label. */
export function CategoryField({ id, label, error, children, ...select }: CategoryFieldProps) {
  return (
    <FormField id={id} testId={id} label={label} error={error}>
      {(control) => (
        <>
          <CategorySelect {...control} {...select} />
          {children}
        </>
      )}
    </FormField>
  );
}
