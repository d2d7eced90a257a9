import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ClientRule, FieldError, FieldKey } from './reportForm';
import { DESCRIPTION_MIN } from './reportForm';

/** `reporter.phone` → `reporter-phone`: ids and test ids without dots. */
export function fieldSlug(field: FieldKey): string {
  return field.replace(/\./g, '-');
}

export function errorId(field: FieldKey): string {
  return `report-error-${fieldSlug(field)}`;
}

function clientText(rule: ClientRule, t: TFunction): string {
  switch (rule) {
    case 'category.required':
      return t('report.category.required');
    case 'attribute.required':
      return t('report.attributes.required');
    case 'attribute.number':
      return t('report.attributes.number');
    case 'location.required':
      return t('report.location.required');
    case 'location.outside':
      return t('report.location.outside');
    case 'description.required':
      return t('report.description.required');
    case 'description.tooShort':
      return t('report.description.tooShort', { min: DESCRIPTION_MIN });
    case 'photos.pending':
      return t('report.photos.pending');
    case 'consent.required':
      return t('report.contact.consentRequired');
  }
}

/** The server sends both languages when it can; English is the fallback it always sends. */
export function useErrorText(): (error: FieldError) => string {
  const { t, i18n } = useTranslation();
  const vietnamese = i18n.resolvedLanguage !== 'en';
  return (error) => {
    if (error.kind === 'client') return clientText(error.rule, t);
    return vietnamese && error.issue.messageVi ? error.issue.messageVi : error.issue.message;
  };
}

export function FieldErrorMessage({ field, error }: { field: FieldKey; error: FieldError | undefined }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <p className="report-field__error" id={errorId(field)} data-testid={errorId(field)} role="alert">
      {text(error)}
    </p>
  );
}

/** aria props that tie an input to its error message. */
export function errorProps(field: FieldKey, error: FieldError | undefined) {
  return error ? { 'aria-invalid': true, 'aria-describedby': errorId(field) } : {};
}
