import { useTranslation } from 'react-i18next';
import { controlAttributes, FormField } from './FormField';

interface ValidFromFieldProps {
  id: string;
  testId: string;
  label: string;
  /** "YYYY-MM-DDTHH:mm" in city time (cityTime.ts). */
  value: string;
  onChange(value: string): void;
  error: string | null;
}

/** When a new version starts to apply, typed in city time whatever zone the browser is in. */
export function ValidFromField({ id, testId, label, value, onChange, error }: ValidFromFieldProps) {
  const { t } = useTranslation();
  return (
    <FormField id={id} testId={testId} label={label} hint={t('admin.common.cityTimeHint')} error={error}>
      {(control) => (
        <input {...controlAttributes(control)} type="datetime-local" value={value} onChange={(event) => onChange(event.target.value)} />
      )}
    </FormField>
  );
}
