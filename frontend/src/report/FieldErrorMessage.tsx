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

const CLIENT_TEXT = {
  'category.required': 'report.category.required',
  'attribute.required': 'report.attributes.required',
  'attribute.number': 'report.attributes.number',
  'location.required': 'report.location.required',
  'location.outside': 'report.location.outside',
  'description.required': 'report.description.required',
  'description.tooShort': 'report.description.tooShort',
  'photos.pending': 'report.photos.pending',
  'consent.required': 'report.contact.consentRequired',
} as const satisfies Record<ClientRule, string>;

function clientText(rule: ClientRule, t: TFunction): string {
  // Only the too-short text reads the minimum; the others ignore it.
  return t(CLIENT_TEXT[rule], { min: DESCRIPTION_MIN });
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
