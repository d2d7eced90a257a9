import { DomainException, ErrorCodeOf, errorCodes } from '../errors/domain.exception';
import type { Dimension, PolicyName } from './rate-limit-policy';

export const RateLimitErrorCode = errorCodes('rate_limit', ['exceeded', 'busy']);
export type RateLimitErrorCode = ErrorCodeOf<typeof RateLimitErrorCode>;

const WHAT_VI: Record<PolicyName, string> = {
  filing: 'gửi phản ánh',
  upload: 'tải ảnh lên',
  citizenAction: 'thao tác trên phản ánh',
  tracking: 'tra cứu phản ánh',
  open311Post: 'gửi yêu cầu Open311',
  login: 'đăng nhập',
  secondFactor: 'nhập mã xác thực',
  privacyCode: 'yêu cầu mã xác minh dữ liệu cá nhân',
  privacyAccess: 'xác minh và xem dữ liệu cá nhân',
};

const WHAT_EN: Record<PolicyName, string> = {
  filing: 'reports filed',
  upload: 'uploads',
  citizenAction: 'actions on reports',
  tracking: 'tracking look-ups',
  open311Post: 'Open311 requests',
  login: 'sign-in attempts',
  secondFactor: 'second-factor codes',
  privacyCode: 'personal-data verification codes',
  privacyAccess: 'personal-data verifications and downloads',
};

/** 429 or 503 with the seconds to wait; the exception filters turn retryAfterSeconds into Retry-After. */
export class RateLimitException extends DomainException {
  /** The first refusal of its bucket's window (the one worth an audit event; a flood is not). */
  firstInWindow = false;

  static exceeded(
    policy: PolicyName,
    dimension: Dimension | 'backoff',
    retryAfterSeconds: number,
    firstInWindow = false,
  ): RateLimitException {
    const e = new RateLimitException(
      'rate_limited',
      RateLimitErrorCode.Exceeded,
      `Too many ${WHAT_EN[policy]}; try again in ${retryAfterSeconds} s`,
      {
        messageVi: `Quá nhiều lượt ${WHAT_VI[policy]}; vui lòng thử lại sau ${retryAfterSeconds} giây`,
        policy,
        dimension,
        retryAfterSeconds,
      },
    );
    e.firstInWindow = firstInWindow;
    return e;
  }

  static busy(policy: PolicyName, retryAfterSeconds: number): RateLimitException {
    return new RateLimitException(
      'unavailable',
      RateLimitErrorCode.Busy,
      `The server is busy with ${WHAT_EN[policy]}; try again in ${retryAfterSeconds} s`,
      {
        messageVi: `Hệ thống đang bận xử lý ${WHAT_VI[policy]}; vui lòng thử lại sau ${retryAfterSeconds} giây`,
        policy,
        retryAfterSeconds,
      },
    );
  }
}
