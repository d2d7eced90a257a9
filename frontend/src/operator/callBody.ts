import type { CallErrors } from './callErrors';
import type { Category, CreateReportBody } from '../api/intakeQueries';
import { isValidPhone, normalizePhone } from './phoneNumber';

export interface LatLng {
  lat: number;
  lng: number;
}

/** An answer to one category attribute as the form holds it. */
export type AttributeAnswer = string | number | boolean | string[];

/** What the operator has typed for one call. */
export interface CallDraft {
  phone: string;
  callerName: string;
  hideIdentity: boolean;
  category: Category | null;
  answers: Record<string, AttributeAnswer>;
  pin: LatLng | null;
  address: string;
  description: string;
}

// The intake API's minimum (description ≥ 5 characters).
const MIN_DESCRIPTION = 5;

export function phoneError(phone: string): CallErrors {
  if (phone.trim() === '') return { phone: { key: 'phoneRequired' } };
  if (!isValidPhone(phone)) return { phone: { key: 'phoneInvalid' } };
  return {};
}

function isAnswered(answer: AttributeAnswer | undefined): boolean {
  if (answer === undefined) return false;
  if (Array.isArray(answer)) return answer.length > 0;
  return String(answer).trim() !== '';
}

/** The checks the browser can make before asking the server; the server's own issues come on top. */
export function validateDraft(draft: CallDraft): CallErrors {
  const errors: CallErrors = { ...phoneError(draft.phone) };
  if (!draft.category) errors.category = { key: 'categoryRequired' };
  for (const attribute of draft.category?.attributes ?? []) {
    if (attribute.required && !isAnswered(draft.answers[attribute.code])) {
      errors[`attribute:${attribute.code}`] = { key: 'attributeRequired' };
    }
  }
  if (!draft.pin) errors.location = { key: 'pinRequired' };
  if (draft.description.trim().length < MIN_DESCRIPTION) errors.description = { key: 'descriptionShort' };
  return errors;
}

function attributesOf(category: Category, answers: Record<string, AttributeAnswer>): Record<string, AttributeAnswer> {
  const attributes: Record<string, AttributeAnswer> = {};
  for (const attribute of category.attributes) {
    const answer = answers[attribute.code];
    if (!isAnswered(answer)) continue;
    // Numbers are typed with a Vietnamese decimal comma as often as with a point.
    attributes[attribute.code] = attribute.datatype === 'number' && typeof answer === 'string' ? Number(answer.replace(',', '.')) : answer;
  }
  return attributes;
}

/** POST /reports body for a phone call; call only after validateDraft found nothing. */
export function buildReportBody(draft: CallDraft): CreateReportBody {
  if (!draft.category || !draft.pin) throw new Error('buildReportBody needs a category and a pin');
  const name = draft.callerName.trim();
  const address = draft.address.trim();
  const attributes = attributesOf(draft.category, draft.answers);
  return {
    category: draft.category.code,
    lat: draft.pin.lat,
    lng: draft.pin.lng,
    description: draft.description.trim(),
    ...(address ? { address } : {}),
    channel: 'phone',
    reporter: { ...(name ? { name } : {}), phone: normalizePhone(draft.phone), hideIdentity: draft.hideIdentity },
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
  };
}
