import { DomainException, FieldIssue } from '../../../engine/errors/domain.exception';

export enum CalendarErrorCode {
  InvalidHours = 'calendar.invalid_hours',
  DayNotFound = 'calendar.day_not_found',
}

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
