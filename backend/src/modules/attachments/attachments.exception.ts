import { DomainException } from '../../engine/errors/domain.exception';

export enum AttachmentsErrorCode {
  MissingFile = 'attachments.missing_file',
  TooManyFiles = 'attachments.too_many_files',
  InvalidForm = 'attachments.invalid_form',
  UnsupportedType = 'attachments.unsupported_type',
  TooLarge = 'attachments.too_large',
  InvalidImage = 'attachments.invalid_image',
  NotFound = 'attachments.not_found',
  TooManyUploads = 'attachments.too_many_uploads',
}

/**
 * Statuses the engine's error kinds do not have yet (its filter knows 400, 401, 403, 404, 409,
 * 422, 429, 503); `AttachmentsExceptionFilter` applies them. These errors carry kind
 * 'validation' so that, without that filter, they still answer a 4xx.
 */
export const STATUS_BEYOND_ENGINE: Partial<Record<AttachmentsErrorCode, number>> = {
  [AttachmentsErrorCode.TooLarge]: 413,
  [AttachmentsErrorCode.UnsupportedType]: 415,
};

const ACCEPTED = 'JPEG, PNG or WebP';
const MB = 1024 * 1024;

/** Every message in English for API clients, and `messageVi` for the citizen's screen. */
export class AttachmentsException extends DomainException {
  static missingFile(): AttachmentsException {
    return new AttachmentsException('validation', AttachmentsErrorCode.MissingFile, `No photo: send multipart/form-data with the image in a part named "file"`, {
      messageVi: 'Chưa có ảnh: hãy gửi ảnh trong trường "file" (multipart/form-data)',
    });
  }

  static tooManyFiles(): AttachmentsException {
    return new AttachmentsException('validation', AttachmentsErrorCode.TooManyFiles, 'One photo per upload: send each photo in its own request', {
      messageVi: 'Mỗi lần chỉ tải lên một ảnh: hãy gửi từng ảnh riêng',
    });
  }

  static invalidForm(reason: string): AttachmentsException {
    return new AttachmentsException('validation', AttachmentsErrorCode.InvalidForm, `Malformed upload form: ${reason}`, {
      messageVi: 'Biểu mẫu tải ảnh không hợp lệ',
    });
  }

  static unsupportedType(detected: string): AttachmentsException {
    return new AttachmentsException('validation', AttachmentsErrorCode.UnsupportedType, `The file is ${detected}, not a ${ACCEPTED} photo`, {
      detectedType: detected,
      accepted: ['image/jpeg', 'image/png', 'image/webp'],
      messageVi: 'Tệp không phải ảnh JPEG, PNG hoặc WebP',
    });
  }

  static fileTooLarge(maxBytes: number): AttachmentsException {
    return new AttachmentsException('validation', AttachmentsErrorCode.TooLarge, `The photo is larger than ${maxBytes / MB} MB`, {
      maxBytes,
      messageVi: `Ảnh lớn hơn ${maxBytes / MB} MB`,
    });
  }

  static tooManyPixels(width: number, height: number, maxPixels: number): AttachmentsException {
    const mp = (n: number) => Math.round(n / 1e6);
    return new AttachmentsException(
      'validation',
      AttachmentsErrorCode.TooLarge,
      `The image is ${width} × ${height} px (${mp(width * height)} megapixels); at most ${mp(maxPixels)} megapixels are accepted`,
      { width, height, maxPixels, messageVi: `Ảnh có độ phân giải quá lớn (tối đa ${mp(maxPixels)} megapixel)` },
    );
  }

  static invalidImage(format: string): AttachmentsException {
    return new AttachmentsException('validation', AttachmentsErrorCode.InvalidImage, `The ${format} image is truncated or corrupt and cannot be decoded`, {
      messageVi: 'Ảnh bị hỏng hoặc không đầy đủ, không thể đọc được',
    });
  }

  static notFound(id: string): AttachmentsException {
    return new AttachmentsException('not_found', AttachmentsErrorCode.NotFound, `No attachment ${id}`, {
      messageVi: 'Không tìm thấy ảnh',
    });
  }

  static tooManyUploads(retryAfterSeconds: number): AttachmentsException {
    return new AttachmentsException('rate_limited', AttachmentsErrorCode.TooManyUploads, `Too many uploads from this address; try again in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
      messageVi: `Tải lên quá nhiều ảnh; hãy thử lại sau ${retryAfterSeconds} giây`,
    });
  }
}
