import { DomainException, ErrorCodeOf, errorCodes } from '../../engine/errors/domain.exception';
import type { TicketAction } from './ticket-state-machine';

export const TicketsErrorCode = errorCodes('tickets', [
  'not_found',
  'illegal_transition',
  'stale_version',
  'message_required',
  'unknown_upload',
  'reject_window_closed',
  'bad_master',
  'reporter_secret_required',
  'reporter_secret_invalid',
  'already_rated',
  'not_rateable',
]);
export type TicketsErrorCode = ErrorCodeOf<typeof TicketsErrorCode>;

export class TicketsException extends DomainException {
  static notFound(ref: string): TicketsException {
    return new TicketsException('not_found', TicketsErrorCode.NotFound, `No ticket ${ref} in your scope`, {
      messageVi: `Không tìm thấy phiếu ${ref}`,
    });
  }
  static illegal(status: string, action: TicketAction, allowed: TicketAction[]): TicketsException {
    return new TicketsException(
      'conflict',
      TicketsErrorCode.IllegalTransition,
      `A ${status} ticket cannot take "${action}"; allowed: ${allowed.join(', ') || 'none'}`,
      {
        messageVi: `Phiếu ở trạng thái ${status} không thể "${action}"`,
        status,
        allowedActions: allowed,
      },
    );
  }
  static stale(current: number): TicketsException {
    return new TicketsException(
      'conflict',
      TicketsErrorCode.StaleVersion,
      `Someone changed this ticket meanwhile (now version ${current}); reload and try again`,
      {
        messageVi: 'Phiếu vừa được người khác cập nhật; hãy tải lại và thử lại',
        currentVersion: current,
      },
    );
  }
  static messageRequired(field: string): TicketsException {
    return new TicketsException('validation', TicketsErrorCode.MessageRequired, `${field} is required for this action`, {
      issues: [{ field, rule: 'required', message: 'Required for this action', messageVi: 'Bắt buộc với thao tác này' }],
    });
  }
  static unknownUpload(): TicketsException {
    return new TicketsException('validation', TicketsErrorCode.UnknownUpload, 'Unknown or already used photo upload', {
      issues: [
        {
          field: 'photos',
          rule: 'unknown_upload',
          message: 'Unknown or already used photo upload',
          messageVi: 'Ảnh không tồn tại hoặc đã được dùng',
        },
      ],
    });
  }
  static rejectWindowClosed(): TicketsException {
    return new TicketsException(
      'conflict',
      TicketsErrorCode.RejectWindowClosed,
      'An answer can be rejected only within 7 days of resolution',
      {
        messageVi: 'Chỉ có thể không đồng ý với kết quả trong vòng 7 ngày',
      },
    );
  }
  static reporterSecretRequired(): TicketsException {
    return new TicketsException(
      'unauthorized',
      TicketsErrorCode.ReporterSecretRequired,
      'Acting on a ticket needs the reporter link (X-Reporter-Secret header); the tracking code alone only reads',
      {
        messageVi: 'Cần đường dẫn riêng của người phản ánh để thao tác; mã tra cứu chỉ dùng để xem',
        issues: [
          {
            field: 'X-Reporter-Secret',
            rule: 'required',
            message: 'The reporter secret is required',
            messageVi: 'Thiếu mã bí mật của người phản ánh',
          },
        ],
      },
    );
  }
  static reporterSecretInvalid(): TicketsException {
    return new TicketsException(
      'forbidden',
      TicketsErrorCode.ReporterSecretInvalid,
      'This reporter link is not valid for this ticket (or has expired)',
      {
        messageVi: 'Đường dẫn riêng không hợp lệ với phản ánh này hoặc đã hết hạn',
        issues: [
          { field: 'X-Reporter-Secret', rule: 'invalid', message: 'Not valid for this ticket', messageVi: 'Không hợp lệ với phản ánh này' },
        ],
      },
    );
  }
  static alreadyRated(cycle: number): TicketsException {
    return new TicketsException(
      'conflict',
      TicketsErrorCode.AlreadyRated,
      'This answer was already rated; a ticket takes one rating until it is reopened',
      {
        messageVi: 'Kết quả này đã được đánh giá; mỗi lần xử lý chỉ được đánh giá một lần',
        cycle,
      },
    );
  }
  static notRateable(status: string): TicketsException {
    return new TicketsException(
      'conflict',
      TicketsErrorCode.NotRateable,
      `A ${status} ticket cannot be rated; only an answered (resolved or closed) one`,
      {
        messageVi: 'Chỉ có thể đánh giá phản ánh đã được xử lý',
        status,
      },
    );
  }
  static badMaster(): TicketsException {
    return new TicketsException('validation', TicketsErrorCode.BadMaster, 'The master ticket must be another open ticket', {
      issues: [
        { field: 'masterId', rule: 'open_ticket', message: 'Must be another open ticket', messageVi: 'Phải là một phiếu khác đang mở' },
      ],
    });
  }
}
