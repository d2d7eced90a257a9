import { DomainException, FieldIssue, ErrorCodeOf, errorCodes } from '../../engine/errors/domain.exception';

export const Open311ErrorCode = errorCodes('open311', [
  'missing_api_key',
  'invalid_api_key',
  'unknown_service',
  'unknown_request',
  'unknown_token',
  'missing_location',
  'address_not_found',
  'ambiguous_address',
  'invalid_attribute',
  'invalid_date_range',
  'unsupported_locale',
]);
export type Open311ErrorCode = ErrorCodeOf<typeof Open311ErrorCode>;

const issue = (field: string, rule: string, message: string, messageVi: string): FieldIssue => ({ field, rule, message, messageVi });

export class Open311Exception extends DomainException {
  static missingApiKey(): Open311Exception {
    return new Open311Exception(
      'forbidden',
      Open311ErrorCode.MissingApiKey,
      'api_key was not provided; submitting a request needs an API key',
      {
        messageVi: 'Thiếu api_key: cần khóa API để gửi phản ánh',
      },
    );
  }

  static invalidApiKey(): Open311Exception {
    return new Open311Exception('forbidden', Open311ErrorCode.InvalidApiKey, 'Invalid api_key received; the request was not created', {
      messageVi: 'api_key không hợp lệ; phản ánh chưa được tạo',
    });
  }

  static unknownService(code: string): Open311Exception {
    return new Open311Exception('not_found', Open311ErrorCode.UnknownService, `service_code "${code}" was not found`, {
      messageVi: `Không có dịch vụ (service_code) "${code}"`,
      issues: [issue('service_code', 'not_found', `"${code}" was not found; see services.json`, `Không có "${code}"; xem services.json`)],
    });
  }

  static unknownRequest(id: string): Open311Exception {
    return new Open311Exception('not_found', Open311ErrorCode.UnknownRequest, `service_request_id "${id}" was not found`, {
      messageVi: `Không tìm thấy phản ánh "${id}"`,
    });
  }

  static unknownToken(token: string): Open311Exception {
    return new Open311Exception('not_found', Open311ErrorCode.UnknownToken, `token "${token}" was not found`, {
      messageVi: `Không tìm thấy token "${token}"`,
    });
  }

  /** Neither a point nor an address; or half a point. */
  static missingLocation(field: 'lat' | 'long' | 'location'): Open311Exception {
    const [message, messageVi] =
      field === 'location'
        ? [
            'Give lat and long, or address_string (address_id is not used here)',
            'Cần lat và long, hoặc address_string (không dùng address_id)',
          ]
        : ['lat and long must be sent together', 'Cần gửi cả lat và long'];
    return new Open311Exception('validation', Open311ErrorCode.MissingLocation, message, {
      messageVi,
      issues: [issue(field, 'required', message, messageVi)],
    });
  }

  static addressNotFound(address: string, suggestions: string[]): Open311Exception {
    const hint = suggestions.length ? `; did you mean ${suggestions.join(' / ')}?` : '';
    const hintVi = suggestions.length ? `; có phải: ${suggestions.join(' / ')}?` : '';
    const message = `No ward or commune of Ho Chi Minh City found in "${address}"${hint} Name the ward with its former district (e.g. "Phường 7, Quận 5") or send lat and long`;
    const messageVi = `Không xác định được phường/xã trong "${address}"${hintVi} Ghi rõ phường kèm quận cũ (ví dụ "Phường 7, Quận 5") hoặc gửi lat và long`;
    return new Open311Exception('validation', Open311ErrorCode.AddressNotFound, message, {
      messageVi,
      issues: [issue('address_string', 'not_found', message, messageVi)],
    });
  }

  static ambiguousAddress(address: string, wards: string[]): Open311Exception {
    const list = wards.join(' / ');
    const message = `"${address}" now lies in more than one ward (${list}); name the current ward or send lat and long`;
    const messageVi = `"${address}" nay thuộc nhiều phường/xã (${list}); ghi tên phường/xã mới hoặc gửi lat và long`;
    return new Open311Exception('validation', Open311ErrorCode.AmbiguousAddress, message, {
      messageVi,
      issues: [issue('address_string', 'ambiguous', message, messageVi)],
    });
  }

  static invalidAttributes(issues: FieldIssue[]): Open311Exception {
    return new Open311Exception(
      'validation',
      Open311ErrorCode.InvalidAttribute,
      `Invalid attribute values: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
      {
        messageVi: `Thuộc tính không hợp lệ: ${issues.map((i) => `${i.field}: ${i.messageVi}`).join('; ')}`,
        issues,
      },
    );
  }

  static invalidDateRange(message: string, messageVi: string): Open311Exception {
    return new Open311Exception('validation', Open311ErrorCode.InvalidDateRange, message, {
      messageVi,
      issues: [issue('start_date', 'range', message, messageVi)],
    });
  }

  static unsupportedLocale(locale: string): Open311Exception {
    const message = `locale "${locale}" is not served; use vi or en`;
    const messageVi = `Không hỗ trợ locale "${locale}"; dùng vi hoặc en`;
    return new Open311Exception('validation', Open311ErrorCode.UnsupportedLocale, message, {
      messageVi,
      issues: [issue('locale', 'invalid_value', message, messageVi)],
    });
  }
}
