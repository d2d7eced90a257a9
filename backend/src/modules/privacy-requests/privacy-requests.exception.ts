import { DomainException, ErrorCodeOf, errorCodes, FieldIssue } from '../../engine/errors/domain.exception';

export const PrivacyRequestsErrorCode = errorCodes('privacy', [
  'access_required',
  'access_invalid',
  'proof_required',
  'proof_invalid',
  'proof_ambiguous',
  'code_malformed',
  'code_exhausted',
  'not_found',
  'already_handled',
  'channel_not_allowed',
  'subject_required',
]);
export type PrivacyRequestsErrorCode = ErrorCodeOf<typeof PrivacyRequestsErrorCode>;

const field = (name: string, message: string, messageVi: string): FieldIssue => ({ field: name, rule: 'required', message, messageVi });

export class PrivacyRequestsException extends DomainException {
  static accessRequired(): PrivacyRequestsException {
    return new PrivacyRequestsException(
      'unauthorized',
      PrivacyRequestsErrorCode.AccessRequired,
      'The X-Privacy-Access header is required',
      {
        messageVi: 'Cần mã truy cập (tiêu đề X-Privacy-Access); hãy xác minh lại bằng đường dẫn riêng hoặc mã gửi qua email',
      },
    );
  }

  static accessInvalid(): PrivacyRequestsException {
    return new PrivacyRequestsException(
      'unauthorized',
      PrivacyRequestsErrorCode.AccessInvalid,
      'The access token is unknown, expired or already used for an erasure; verify again',
      { messageVi: 'Mã truy cập không đúng, đã hết hạn hoặc đã dùng để yêu cầu xóa; hãy xác minh lại' },
    );
  }

  /** Neither a complete reporter link nor a complete e-mail + code: names what is missing. */
  static proofRequired(missing: string[]): PrivacyRequestsException {
    const issues = missing.map((f) =>
      field(
        f,
        'Required: give trackingCode and secret, or email and code',
        'Bắt buộc: nhập mã tra cứu và mã bí mật, hoặc email và mã xác minh',
      ),
    );
    return new PrivacyRequestsException(
      'validation',
      PrivacyRequestsErrorCode.ProofRequired,
      `Invalid request: ${missing.join(', ')} required`,
      {
        messageVi: `Yêu cầu không hợp lệ: thiếu ${missing.join(', ')}`,
        issues,
      },
    );
  }

  static proofAmbiguous(): PrivacyRequestsException {
    return new PrivacyRequestsException(
      'validation',
      PrivacyRequestsErrorCode.ProofAmbiguous,
      'Invalid request: give trackingCode and secret, or email and code, not both',
      {
        messageVi: 'Yêu cầu không hợp lệ: chỉ nhập mã tra cứu và mã bí mật, hoặc email và mã xác minh, không nhập cả hai',
        issues: [
          {
            field: 'email',
            rule: 'exclusive',
            message: 'not together with trackingCode and secret',
            messageVi: 'không dùng cùng mã tra cứu và mã bí mật',
          },
        ],
      },
    );
  }

  static codeMalformed(): PrivacyRequestsException {
    return new PrivacyRequestsException('validation', PrivacyRequestsErrorCode.CodeMalformed, 'Invalid request: code: must be 6 digits', {
      messageVi: 'Yêu cầu không hợp lệ: code: mã xác minh gồm 6 chữ số',
      issues: [{ field: 'code', rule: 'pattern', message: 'must be 6 digits', messageVi: 'Mã xác minh gồm 6 chữ số' }],
    });
  }

  static proofInvalid(): PrivacyRequestsException {
    return new PrivacyRequestsException(
      'forbidden',
      PrivacyRequestsErrorCode.ProofInvalid,
      'The link or the code does not match (or has expired); ask for a new code',
      { messageVi: 'Đường dẫn hoặc mã xác minh không đúng (hoặc đã hết hạn); hãy yêu cầu mã mới' },
    );
  }

  static codeExhausted(): PrivacyRequestsException {
    return new PrivacyRequestsException('forbidden', PrivacyRequestsErrorCode.CodeExhausted, 'Too many wrong codes; ask for a new code', {
      messageVi: 'Nhập sai mã quá số lần cho phép; hãy yêu cầu mã mới',
    });
  }

  static notFound(id: string): PrivacyRequestsException {
    return new PrivacyRequestsException('not_found', PrivacyRequestsErrorCode.NotFound, `No privacy request ${id} for you`, {
      messageVi: `Không tìm thấy yêu cầu ${id}`,
    });
  }

  static alreadyHandled(status: string): PrivacyRequestsException {
    return new PrivacyRequestsException('conflict', PrivacyRequestsErrorCode.AlreadyHandled, `The request is already ${status}`, {
      messageVi: `Yêu cầu đã ở trạng thái ${status}`,
      status,
    });
  }

  static channelNotAllowed(channel: string): PrivacyRequestsException {
    return new PrivacyRequestsException(
      'forbidden',
      PrivacyRequestsErrorCode.ChannelNotAllowed,
      `Your role may not log a request received by ${channel}`,
      {
        messageVi: `Vai trò của bạn không được ghi nhận yêu cầu nhận qua kênh ${channel}`,
        issues: [
          { field: 'channel', rule: 'role', message: 'not allowed for your role', messageVi: 'không được phép với vai trò của bạn' },
        ],
      },
    );
  }

  static subjectRequired(): PrivacyRequestsException {
    return new PrivacyRequestsException(
      'validation',
      PrivacyRequestsErrorCode.SubjectRequired,
      'Invalid request: phones or emails: give at least one',
      {
        messageVi: 'Yêu cầu không hợp lệ: phones hoặc emails: cần ít nhất một số điện thoại hoặc email',
        issues: [
          field('phones', 'Give at least one phone number or e-mail address', 'Cần ít nhất một số điện thoại hoặc email'),
          field('emails', 'Give at least one phone number or e-mail address', 'Cần ít nhất một số điện thoại hoặc email'),
        ],
      },
    );
  }
}
