import { DomainException, ErrorCodeOf, errorCodes } from '../../engine/errors/domain.exception';

export const RoutingErrorCode = errorCodes('routing', [
  'not_found',
  'unknown_unit',
  'same_unit',
  'ticket_closed',
  'unknown_category',
  'no_route',
]);
export type RoutingErrorCode = ErrorCodeOf<typeof RoutingErrorCode>;

export class RoutingException extends DomainException {
  static notFound(id: string): RoutingException {
    return new RoutingException('not_found', RoutingErrorCode.NotFound, `No ticket ${id} in your scope`, {
      messageVi: `Không tìm thấy phiếu ${id} trong phạm vi của bạn`,
    });
  }
  static unknownUnit(id: string): RoutingException {
    return new RoutingException('validation', RoutingErrorCode.UnknownUnit, `No active handling unit ${id}`, {
      issues: [
        { field: 'unitId', rule: 'unknown_unit', message: 'No active handling unit with this id', messageVi: 'Không có đơn vị xử lý này' },
      ],
    });
  }
  static sameUnit(): RoutingException {
    return new RoutingException('conflict', RoutingErrorCode.SameUnit, 'The ticket is already with that unit', {
      messageVi: 'Phiếu đã thuộc đơn vị này',
    });
  }
  static closed(status: string): RoutingException {
    return new RoutingException('conflict', RoutingErrorCode.TicketClosed, `A ${status} ticket cannot be moved`, {
      messageVi: `Không thể chuyển phiếu ở trạng thái ${status}`,
    });
  }
  static unknownCategory(code: string): RoutingException {
    return new RoutingException('validation', RoutingErrorCode.UnknownCategory, `Unknown category "${code}"`, {
      issues: [
        { field: 'category', rule: 'unknown_category', message: `Unknown category "${code}"`, messageVi: `Không có lĩnh vực "${code}"` },
      ],
    });
  }
}
