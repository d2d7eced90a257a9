import { DomainException, ErrorCodeOf, errorCodes } from '../../engine/errors/domain.exception';

export const AttachmentsErrorCode = errorCodes('attachments', [
  'missing_file',
  'too_many_files',
  'invalid_form',
  'unsupported_type',
  'too_large',
  'invalid_image',
  'not_found',
  'storage_full',
]);
export type AttachmentsErrorCode = ErrorCodeOf<typeof AttachmentsErrorCode>;

const ACCEPTED = 'JPEG, PNG or WebP';
const MB = 1024 * 1024;

// Names the form field, as every 400 of the API does, so a form can show the error beside it.
const onFile = (rule: string, message: string, messageVi: string, extra: Record<string, unknown> = {}) => ({
  ...extra,
  issues: [{ field: 'file', rule, message, messageVi }],
  messageVi,
});

/** Every message in English for API clients, and `messageVi` for the citizen's screen. */
export class AttachmentsException extends DomainException {
  /** The photo store has no room (ENOSPC, a quota): nothing was kept; the report can be filed without the photo. */
  static storageFull(retryAfterSeconds = 300): AttachmentsException {
    return new AttachmentsException(
      'insufficient_storage',
      AttachmentsErrorCode.StorageFull,
      'The photo store is full right now: the photo was not saved. File the report without it, or try again later',
      {
        messageVi: 'Kho lưu ảnh tạm thời đã đầy: ảnh chưa được lưu. Hãy gửi phản ánh không kèm ảnh, hoặc thử lại sau',
        retryAfterSeconds,
      },
    );
  }

  static missingFile(): AttachmentsException {
    const message = 'No photo: send multipart/form-data with the image in a part named "file"';
    return new AttachmentsException(
      'validation',
      AttachmentsErrorCode.MissingFile,
      message,
      onFile('required', message, 'Chưa có ảnh: hãy gửi ảnh trong trường "file" (multipart/form-data)'),
    );
  }

  static tooManyFiles(): AttachmentsException {
    const message = 'One photo per upload: send each photo in its own request';
    return new AttachmentsException(
      'validation',
      AttachmentsErrorCode.TooManyFiles,
      message,
      onFile('max_count', message, 'Mỗi lần chỉ tải lên một ảnh: hãy gửi từng ảnh riêng'),
    );
  }

  static invalidForm(reason: string): AttachmentsException {
    const message = `Malformed upload form: ${reason}`;
    return new AttachmentsException(
      'validation',
      AttachmentsErrorCode.InvalidForm,
      message,
      onFile('multipart', message, 'Biểu mẫu tải ảnh không hợp lệ'),
    );
  }

  static unsupportedType(detected: string): AttachmentsException {
    const message = `The file is ${detected}, not a ${ACCEPTED} photo`;
    return new AttachmentsException(
      'unsupported_media_type',
      AttachmentsErrorCode.UnsupportedType,
      message,
      onFile('image_type', message, 'Tệp không phải ảnh JPEG, PNG hoặc WebP', {
        detectedType: detected,
        accepted: ['image/jpeg', 'image/png', 'image/webp'],
      }),
    );
  }

  static fileTooLarge(maxBytes: number): AttachmentsException {
    const message = `The photo is larger than ${maxBytes / MB} MB`;
    return new AttachmentsException(
      'payload_too_large',
      AttachmentsErrorCode.TooLarge,
      message,
      onFile('max_size', message, `Ảnh lớn hơn ${maxBytes / MB} MB`, { maxBytes }),
    );
  }

  static tooManyPixels(width: number, height: number, maxPixels: number): AttachmentsException {
    const mp = (n: number) => Math.round(n / 1e6);
    const message = `The image is ${width} × ${height} px (${mp(width * height)} megapixels); at most ${mp(maxPixels)} megapixels are accepted`;
    return new AttachmentsException(
      'payload_too_large',
      AttachmentsErrorCode.TooLarge,
      message,
      onFile('max_pixels', message, `Ảnh có độ phân giải quá lớn (tối đa ${mp(maxPixels)} megapixel)`, { width, height, maxPixels }),
    );
  }

  static invalidImage(format: string): AttachmentsException {
    const message = `The ${format.toUpperCase()} image is truncated or corrupt and cannot be decoded`;
    return new AttachmentsException(
      'validation',
      AttachmentsErrorCode.InvalidImage,
      message,
      onFile('decodable', message, 'Ảnh bị hỏng hoặc không đầy đủ, không thể đọc được'),
    );
  }

  static notFound(id: string): AttachmentsException {
    return new AttachmentsException('not_found', AttachmentsErrorCode.NotFound, `No attachment ${id}`, { messageVi: 'Không tìm thấy ảnh' });
  }
}
