import { DomainException } from '../../engine/errors/domain.exception';
import { MAX_PERIOD_DAYS } from './insights-period';

export enum InsightsErrorCode {
  BadPeriod = 'insights.bad_period',
  UnknownWard = 'insights.unknown_ward',
}

export class InsightsException extends DomainException {
  static badPeriod(): InsightsException {
    return new InsightsException(
      'validation',
      InsightsErrorCode.BadPeriod,
      `The period must run forward and span at most ${MAX_PERIOD_DAYS} days`,
      {
        issues: [
          {
            field: 'to',
            rule: 'range',
            message: `to must be after from, at most ${MAX_PERIOD_DAYS} days later`,
            messageVi: `Khoảng thời gian không hợp lệ (tối đa ${MAX_PERIOD_DAYS} ngày)`,
          },
        ],
      },
    );
  }

  static unknownWard(code: string): InsightsException {
    return new InsightsException('not_found', InsightsErrorCode.UnknownWard, `No current ward or commune has the code ${code}`, {
      messageVi: `Không có phường, xã nào mang mã ${code}`,
    });
  }
}
