import type { ApiIssue } from '../api/apiError';
import type { Category, CategoryAttribute, CreateReportBody } from '../api/intakeQueries';

/** A value of one category attribute as the form holds it; multivaluelist keeps its keys. */
export type AttributeValue = string | string[];

export interface LngLat {
  lng: number;
  lat: number;
}

/** Where the pin is and what put it there: only the map's own moves leave the camera alone. */
export interface PinPlacement extends LngLat {
  origin: 'map' | 'search' | 'device';
}

export interface ContactDraft {
  name: string;
  phone: string;
  email: string;
  hideIdentity: boolean;
}

export interface ReportDraft {
  categoryCode: string | null;
  attributes: Record<string, AttributeValue>;
  pin: PinPlacement | null;
  address: string;
  description: string;
  contact: ContactDraft;
  consent: boolean;
}

export const EMPTY_DRAFT: ReportDraft = {
  categoryCode: null,
  attributes: {},
  pin: null,
  address: '',
  description: '',
  contact: { name: '', phone: '', email: '', hideIdentity: false },
  consent: false,
};

/** Limits of POST /reports (intake contract); the server checks them again. */
export const DESCRIPTION_MIN = 5;
export const DESCRIPTION_MAX = 5000;
export const ADDRESS_MAX = 500;
export const MAX_PHOTOS = 5;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** Where an error is shown: one of the form's fields, or the summary above the submit button. */
export type FieldKey =
  | 'category'
  | 'location'
  | 'address'
  | 'description'
  | 'photos'
  | 'reporter.name'
  | 'reporter.phone'
  | 'reporter.email'
  | 'consent'
  | `attributes.${string}`
  | 'form';

/** Errors the form finds itself; they are translated when shown, so they follow the language switch. */
export type ClientRule =
  | 'category.required'
  | 'attribute.required'
  | 'attribute.number'
  | 'location.required'
  | 'location.outside'
  | 'description.required'
  | 'description.tooShort'
  | 'photos.pending'
  | 'consent.required';

export type FieldError = { kind: 'client'; rule: ClientRule } | { kind: 'server'; issue: ApiIssue };

export type FieldErrors = Partial<Record<FieldKey, FieldError>>;

export type LocationStatus = 'none' | 'locating' | 'inside' | 'outside' | 'error';

export function hasContact(contact: ContactDraft): boolean {
  return [contact.name, contact.phone, contact.email].some((value) => value.trim() !== '');
}

function isEmpty(value: AttributeValue | undefined): boolean {
  return value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === '');
}

export function sortedAttributes(category: Category | null): CategoryAttribute[] {
  return category ? [...category.attributes].sort((a, b) => a.order - b.order) : [];
}

export interface ValidationContext {
  category: Category | null;
  location: LocationStatus;
  photosPending: boolean;
}

/** The checks worth doing before a round trip; the server's own answer is mapped by `errorsFromIssues`. */
export function validateDraft(draft: ReportDraft, context: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  const fail = (field: FieldKey, rule: ClientRule) => {
    errors[field] = { kind: 'client', rule };
  };

  if (!context.category) fail('category', 'category.required');
  for (const attribute of sortedAttributes(context.category)) {
    const value = draft.attributes[attribute.code];
    if (attribute.required && isEmpty(value)) fail(`attributes.${attribute.code}`, 'attribute.required');
    else if (attribute.datatype === 'number' && !isEmpty(value) && !Number.isFinite(Number(value))) {
      fail(`attributes.${attribute.code}`, 'attribute.number');
    }
  }

  if (!draft.pin) fail('location', 'location.required');
  else if (context.location === 'outside') fail('location', 'location.outside');

  const description = draft.description.trim();
  if (description === '') fail('description', 'description.required');
  else if (description.length < DESCRIPTION_MIN) fail('description', 'description.tooShort');

  if (context.photosPending) fail('photos', 'photos.pending');
  if (hasContact(draft.contact) && !draft.consent) fail('consent', 'consent.required');
  return errors;
}

const FIELD_ORDER: readonly string[] = [
  'category',
  'attributes',
  'location',
  'address',
  'description',
  'photos',
  'reporter.name',
  'reporter.phone',
  'reporter.email',
  'consent',
  'form',
];

/** The first field with an error in the order the form shows them, to move the focus there. */
export function firstErrorField(errors: FieldErrors): FieldKey | null {
  const keys = Object.keys(errors) as FieldKey[];
  const rank = (key: string) => FIELD_ORDER.indexOf(key.startsWith('attributes.') ? 'attributes' : key);
  return keys.sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

/** Maps the server's `issues[].field` (names of the request body) to the form field that shows it. */
export function fieldOfIssue(field: string, attributeCodes: readonly string[]): FieldKey {
  if (field === 'category' || field === 'description' || field === 'address' || field === 'consent') return field;
  if (field === 'lat' || field === 'lng') return 'location';
  if (field === 'photos' || field.startsWith('photos.')) return 'photos';
  if (field === 'reporter.name' || field === 'reporter.phone' || field === 'reporter.email') return field;
  if (field.startsWith('attributes.')) {
    const code = field.slice('attributes.'.length).split('.')[0];
    if (attributeCodes.includes(code)) return `attributes.${code}`;
  }
  return 'form';
}

export function errorsFromIssues(issues: readonly ApiIssue[], attributeCodes: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldOfIssue(issue.field, attributeCodes);
    // One message per field is enough to act on; the first is the one the server ranked first.
    if (!errors[field]) errors[field] = { kind: 'server', issue };
  }
  return errors;
}

function attributeValueForApi(attribute: CategoryAttribute, value: AttributeValue): string | number | string[] {
  if (Array.isArray(value)) return value;
  if (attribute.datatype === 'number') return Number(value);
  // datetime-local has no zone; the browser reads it in the citizen's own zone.
  if (attribute.datatype === 'datetime') return new Date(value).toISOString();
  return value.trim();
}

/** The request body: only filled fields, so optional ones are absent rather than empty strings. */
export function buildReportBody(draft: ReportDraft, category: Category, pin: LngLat, photoIds: readonly string[]): CreateReportBody {
  const body: CreateReportBody = {
    category: category.code,
    lat: pin.lat,
    lng: pin.lng,
    description: draft.description.trim(),
    channel: 'web',
  };
  const address = draft.address.trim();
  if (address) body.address = address;

  const attributes: NonNullable<CreateReportBody['attributes']> = {};
  for (const attribute of sortedAttributes(category)) {
    const value = draft.attributes[attribute.code];
    if (!isEmpty(value)) attributes[attribute.code] = attributeValueForApi(attribute, value);
  }
  if (Object.keys(attributes).length > 0) body.attributes = attributes;
  if (photoIds.length > 0) body.photos = [...photoIds];

  if (hasContact(draft.contact)) {
    const { name, phone, email, hideIdentity } = draft.contact;
    body.reporter = { hideIdentity };
    if (name.trim()) body.reporter.name = name.trim();
    if (phone.trim()) body.reporter.phone = phone.trim();
    if (email.trim()) body.reporter.email = email.trim();
    body.consent = draft.consent;
  }
  return body;
}

/** A v4 UUID; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
