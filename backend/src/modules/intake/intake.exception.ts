import { DomainException, ErrorCodeOf, errorCodes } from '../../engine/errors/domain.exception';

export const IntakeErrorCode = errorCodes('intake', [
  'unknown_category',
  'missing_attribute',
  'invalid_attribute',
  'unknown_attribute',
  'unknown_upload',
  'consent_required',
  'idempotency_key_reused',
  'idempotency_in_progress',
  'invalid_idempotency_key',
  'not_found',
]);
export type IntakeErrorCode = ErrorCodeOf<typeof IntakeErrorCode>;

const field = (name: string, rule: string, message: string, messageVi: string) => ({
  issues: [{ field: name, rule, message, messageVi }],
  messageVi,
});

export class IntakeException extends DomainException {
  static unknownCategory(code: string): IntakeException {
    return new IntakeException(
      'validation',
      IntakeErrorCode.UnknownCategory,
      `Unknown category "${code}"`,
      field('category', 'unknown_category', `Unknown category "${code}"`, `Không có lĩnh vực "${code}"`),
    );
  }

  static missingAttribute(code: string): IntakeException {
    return new IntakeException(
      'validation',
      IntakeErrorCode.MissingAttribute,
      `The category needs attribute "${code}"`,
      field(`attributes.${code}`, 'required', 'Required for this category', 'Bắt buộc với lĩnh vực này'),
    );
  }

  static invalidAttribute(code: string, allowed: string[]): IntakeException {
    const list = allowed.join(', ');
    return new IntakeException(
      'validation',
      IntakeErrorCode.InvalidAttribute,
      `Attribute "${code}" must be one of: ${list}`,
      field(`attributes.${code}`, 'invalid_value', `Must be one of: ${list}`, `Chỉ nhận: ${list}`),
    );
  }

  /** One issue for them all, naming a few: thousands of unknown keys must not make a thousand-line answer. */
  static unknownAttributes(codes: string[]): IntakeException {
    const shown = codes
      .slice(0, 10)
      .map((c) => JSON.stringify(c.slice(0, 64)))
      .join(', ');
    const more = codes.length > 10 ? ` (+${codes.length - 10})` : '';
    return new IntakeException(
      'validation',
      IntakeErrorCode.UnknownAttribute,
      `The category does not ask for: ${shown}${more}`,
      field(
        'attributes',
        'unknown_attribute',
        `Not asked by this category: ${shown}${more}`,
        `Lĩnh vực này không có câu hỏi: ${shown}${more}`,
      ),
    );
  }

  static unknownUpload(ids: string[]): IntakeException {
    return new IntakeException(
      'validation',
      IntakeErrorCode.UnknownUpload,
      `Unknown or already used photo upload(s): ${ids.join(', ')}`,
      field('photos', 'unknown_upload', 'Unknown or already used photo upload', 'Ảnh không tồn tại hoặc đã được dùng'),
    );
  }

  static consentRequired(): IntakeException {
    return new IntakeException(
      'validation',
      IntakeErrorCode.ConsentRequired,
      'Consent to the personal-data notice is required when contact details are given',
      field(
        'consent',
        'required',
        'Consent to the personal-data notice is required when contact details are given',
        'Cần đồng ý với thông báo xử lý dữ liệu cá nhân khi cung cấp thông tin liên hệ',
      ),
    );
  }

  static idempotencyKeyReused(): IntakeException {
    return new IntakeException(
      'unprocessable',
      IntakeErrorCode.IdempotencyKeyReused,
      'This Idempotency-Key was already used with a different request body',
      {
        messageVi: 'Idempotency-Key này đã được dùng cho một yêu cầu khác',
      },
    );
  }

  static idempotencyInProgress(): IntakeException {
    return new IntakeException(
      'conflict',
      IntakeErrorCode.IdempotencyInProgress,
      'A request with this Idempotency-Key is still being processed; retry shortly',
      {
        messageVi: 'Yêu cầu với Idempotency-Key này đang được xử lý; vui lòng thử lại sau giây lát',
      },
    );
  }

  static invalidIdempotencyKey(): IntakeException {
    return new IntakeException(
      'validation',
      IntakeErrorCode.InvalidIdempotencyKey,
      'Idempotency-Key must be 1–200 printable ASCII characters',
      field('Idempotency-Key', 'format', 'Must be 1–200 printable ASCII characters', 'Phải gồm 1–200 ký tự ASCII in được'),
    );
  }

  static notFound(what: string): IntakeException {
    return new IntakeException('not_found', IntakeErrorCode.NotFound, `No report ${what}`, {
      messageVi: `Không tìm thấy phản ánh ${what}`,
    });
  }
}
