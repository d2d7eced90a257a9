import { DomainException, ErrorCodeOf, errorCodes } from '../../engine/errors/domain.exception';
import { periodProblem } from '../../engine/errors/period';
import { MAX_PERIOD_DAYS } from './insights-period';

export const InsightsErrorCode = errorCodes('insights', ['bad_period', 'unknown_ward']);
export type InsightsErrorCode = ErrorCodeOf<typeof InsightsErrorCode>;

export class InsightsException extends DomainException {
  static badPeriod(): InsightsException {
    return new InsightsException('validation', InsightsErrorCode.BadPeriod, ...periodProblem(MAX_PERIOD_DAYS));
  }

  static unknownWard(code: string): InsightsException {
    return new InsightsException('not_found', InsightsErrorCode.UnknownWard, `No current ward or commune has the code ${code}`, {
      messageVi: `Không có phường, xã nào mang mã ${code}`,
    });
  }
}
