import { useTranslation } from 'react-i18next';
import { controlAttributes, FormField } from '../FormField';

interface RuleNoteFieldProps {
  id: string;
  testId: string;
  value: string;
  onChange(note: string): void;
  error: string | null;
  wide?: boolean;
}

/** Why a rule was added, kept with it; a new rule and a replacing one take the same (routing.dto.ts: 1,000 characters). */
export function RuleNoteField({ id, testId, value, onChange, error, wide }: RuleNoteFieldProps) {
  const { t } = useTranslation();
  return (
    <FormField id={id} testId={testId} label={t('admin.routing.form.note')} error={error} wide={wide}>
      {(control) => (
        <textarea
          {...controlAttributes(control)}
          rows={2}
          maxLength={1000}
          value={value}
          placeholder={t('admin.routing.form.notePlaceholder')}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}
