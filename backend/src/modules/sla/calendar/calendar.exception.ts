import { DomainException, FieldIssue, ErrorCodeOf, errorCodes } from '../../../engine/errors/domain.exception';

export const CalendarErrorCode = errorCodes('calendar', ['invalid_hours', 'day_not_found']);
export type CalendarErrorCode = ErrorCodeOf<typeof CalendarErrorCode>;

export class CalendarException extends DomainException {
  static invalidHours(issues: FieldIssue[]): CalendarException {
    return new CalendarException(
      'validation',
      CalendarErrorCode.InvalidHours,
      `Invalid working hours: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
      {
        messageVi: 'Giờ làm việc không hợp lệ: các khoảng giờ phải nằm trong ngày, không chồng lấn và có ít nhất một khoảng',
        issues,
      },
    );
  }

  static dayNotFound(date: string): CalendarException {
    return new CalendarException('not_found', CalendarErrorCode.DayNotFound, `The calendar has no entry for ${date}`, {
      messageVi: `Lịch không có mục cho ngày ${date}`,
    });
  }
}
