import { ApiError, type ApiIssue } from '../api/apiError';

/** The places of the call form an error can be shown next to. `attribute:<code>` is one category question. */
export type CallField = 'phone' | 'callerName' | 'category' | 'location' | 'address' | 'description' | 'form' | `attribute:${string}`;

/** Client checks and failures without issues name a key under operator.errors; server issues carry both languages. */
export type CallError = { key: ClientErrorKey; status?: number } | { issue: ApiIssue };
export type ClientErrorKey =
  | 'phoneRequired'
  | 'phoneInvalid'
  | 'categoryRequired'
  | 'pinRequired'
  | 'descriptionShort'
  | 'attributeRequired'
  | 'network'
  | 'sessionExpired'
  | 'forbidden'
  | 'notFound'
  | 'server';

export type CallErrors = Partial<Record<CallField, CallError>>;

/** Where an `issues[].field` of the intake API belongs on this form. */
export function fieldOfIssue(field: string): CallField {
  if (field.startsWith('attributes.')) return `attribute:${field.slice('attributes.'.length).split('.')[0]}`;
  switch (field) {
    case 'phone':
    case 'reporter.phone':
      return 'phone';
    case 'name':
    case 'reporter.name':
      return 'callerName';
    case 'category':
    case 'attributes':
      return 'category';
    case 'lat':
    case 'lng':
      return 'location';
    case 'address':
      return 'address';
    case 'description':
    case 'note':
      return 'description';
    default:
      return 'form';
  }
}

export function errorsFromIssues(issues: readonly ApiIssue[]): CallErrors {
  const errors: CallErrors = {};
  for (const issue of issues) {
    const field = fieldOfIssue(issue.field);
    // The first issue of a field is the one shown; the API lists the most basic rule first.
    if (!errors[field]) errors[field] = { issue };
  }
  return errors;
}

/** A refused or failed request as errors of the form: issues go to their fields, the rest above the buttons. */
export function errorsFromFailure(error: unknown): CallErrors {
  if (!(error instanceof ApiError)) return { form: { key: 'network' } };
  if (error.issues.length > 0) return errorsFromIssues(error.issues);
  switch (error.status) {
    case 0:
      return { form: { key: 'network' } };
    case 401:
      return { form: { key: 'sessionExpired' } };
    case 403:
      return { form: { key: 'forbidden' } };
    case 404:
      return { form: { key: 'notFound' } };
    default:
      return { form: { key: 'server', status: error.status } };
  }
}

/** The order the form reads in; the first field with an error gets the focus. */
export function firstErrorField(errors: CallErrors, attributeOrder: readonly string[]): CallField | null {
  const order: CallField[] = [
    'phone',
    'callerName',
    'category',
    ...attributeOrder.map((code): CallField => `attribute:${code}`),
    'location',
    'address',
    'description',
  ];
  return order.find((field) => errors[field]) ?? null;
}
