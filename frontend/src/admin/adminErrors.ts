import { useTranslation } from 'react-i18next';
import { ApiError, type ApiIssue } from '../api/apiError';

/** Checks made in the browser before a request, and failures the API answers without field issues. */
export type AdminErrorKey =
  | 'required'
  | 'wardRequired'
  | 'invalidDateTime'
  | 'durationRequired'
  | 'responseAfterResolution'
  | 'nameRequired'
  | 'timeFormat'
  | 'network'
  | 'sessionExpired'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'server';

/** Server issues carry both languages; keys are translated here. */
export type AdminError = { key: AdminErrorKey; status?: number } | { issue: ApiIssue };

/** Errors of one form by the place they are shown; 'form' is the line above the buttons. */
export type FormErrors<F extends string> = Partial<Record<F | 'form', AdminError>>;

/**
 * A refused or failed request as errors of a form: each issue goes beside the field it names
 * (the first issue of a field wins: the API lists the most basic rule first), the rest above
 * the buttons.
 */
export function errorsFromFailure<F extends string>(error: unknown, fieldOf: (issueField: string) => F | 'form'): FormErrors<F> {
  if (!(error instanceof ApiError)) return { form: { key: 'network' } } as FormErrors<F>;
  if (error.issues.length > 0) {
    const errors: FormErrors<F> = {};
    for (const issue of error.issues) {
      const field = fieldOf(issue.field);
      if (!errors[field]) errors[field] = { issue };
    }
    return errors;
  }
  return { form: { key: failureKey(error.status), status: error.status } } as FormErrors<F>;
}

function failureKey(status: number): AdminErrorKey {
  switch (status) {
    case 0:
      return 'network';
    case 401:
      return 'sessionExpired';
    case 403:
      return 'forbidden';
    case 404:
      return 'notFound';
    case 409:
      return 'conflict';
    default:
      return 'server';
  }
}

/** A failed load (not a form) as one sentence. */
export function loadErrorKey(error: unknown): AdminErrorKey {
  return error instanceof ApiError ? failureKey(error.status) : 'network';
}

/** The text of an error in the active language. */
export function useErrorText(): (error: AdminError | undefined) => string | null {
  const { t, i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  return (error) => {
    if (!error) return null;
    if ('issue' in error) return english ? error.issue.message : (error.issue.messageVi ?? error.issue.message);
    return t(`admin.errors.${error.key}`, { status: error.status ?? 0 });
  };
}
