import { DomainException, ErrorCodeOf, errorCodes } from '../../engine/errors/domain.exception';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PasswordProblem } from './password-policy';

const PASSWORD_MESSAGES: Record<PasswordProblem, [string, string]> = {
  too_short: [`At least ${PASSWORD_MIN_LENGTH} characters`, `Mật khẩu cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự`],
  too_long: [`At most ${PASSWORD_MAX_LENGTH} characters`, `Mật khẩu không được quá ${PASSWORD_MAX_LENGTH} ký tự`],
  guessable: [
    'Too easy to guess: a common or leaked password, your name, or a simple pattern. Try a few unrelated words',
    'Mật khẩu quá dễ đoán (mật khẩu phổ biến hoặc đã bị lộ, tên của bạn, hay một chuỗi đơn giản). Hãy ghép vài từ không liên quan',
  ],
};

export const AuthErrorCode = errorCodes('auth', [
  'invalid_credentials',
  'missing_token',
  'invalid_token',
  'forbidden',
  'too_many_attempts',
  'session_ended',
  'invalid_refresh_token',
  'session_not_found',
  'password_change_required',
  'unavailable',
  'wrong_current_password',
  'weak_password',
  'second_factor_required',
  'invalid_challenge',
  'invalid_second_factor',
  'second_factor_enrolled',
  'no_pending_second_factor',
]);
export type AuthErrorCode = ErrorCodeOf<typeof AuthErrorCode>;

export class AuthException extends DomainException {
  static invalidCredentials(): AuthException {
    return new AuthException('unauthorized', AuthErrorCode.InvalidCredentials, 'Wrong username or password');
  }
  static missingToken(): AuthException {
    return new AuthException('unauthorized', AuthErrorCode.MissingToken, 'Sign in first: this needs a bearer token');
  }
  static invalidToken(): AuthException {
    return new AuthException('unauthorized', AuthErrorCode.InvalidToken, 'The access token is invalid or has expired');
  }
  static forbidden(roles: string[]): AuthException {
    return new AuthException('forbidden', AuthErrorCode.Forbidden, `This needs one of the roles: ${roles.join(', ')}`);
  }
  static sessionEnded(): AuthException {
    return new AuthException(
      'unauthorized',
      AuthErrorCode.SessionEnded,
      'This session has ended (signed out, revoked or the account disabled): sign in again',
      {
        messageVi: 'Phiên làm việc đã kết thúc (đã đăng xuất, bị thu hồi hoặc tài khoản bị khóa): vui lòng đăng nhập lại',
      },
    );
  }
  static invalidRefreshToken(): AuthException {
    return new AuthException(
      'unauthorized',
      AuthErrorCode.InvalidRefreshToken,
      'The refresh token is invalid, used or expired: sign in again',
      {
        messageVi: 'Mã làm mới phiên không hợp lệ, đã dùng hoặc đã hết hạn: vui lòng đăng nhập lại',
      },
    );
  }
  static sessionNotFound(): AuthException {
    return new AuthException('not_found', AuthErrorCode.SessionNotFound, 'No open session of yours has this id', {
      messageVi: 'Không có phiên đang mở nào của bạn với mã này',
    });
  }
  static passwordChangeRequired(): AuthException {
    return new AuthException(
      'forbidden',
      AuthErrorCode.PasswordChangeRequired,
      'Choose a new password first: this account has a temporary one',
      {
        messageVi: 'Vui lòng đặt mật khẩu mới trước: tài khoản đang dùng mật khẩu tạm',
      },
    );
  }
  static wrongCurrentPassword(): AuthException {
    return new AuthException('validation', AuthErrorCode.WrongCurrentPassword, 'The current password is wrong', {
      messageVi: 'Mật khẩu hiện tại không đúng',
      issues: [
        {
          field: 'currentPassword',
          rule: 'current_password',
          message: 'The current password is wrong',
          messageVi: 'Mật khẩu hiện tại không đúng',
        },
      ],
    });
  }
  static weakPassword(problem: PasswordProblem, field = 'newPassword'): AuthException {
    const [message, messageVi] = PASSWORD_MESSAGES[problem];
    return new AuthException('validation', AuthErrorCode.WeakPassword, message, {
      messageVi,
      issues: [{ field, rule: `password_${problem}`, message, messageVi }],
    });
  }
  static secondFactorRequired(): AuthException {
    return new AuthException(
      'forbidden',
      AuthErrorCode.SecondFactorRequired,
      'Set up the second factor (an authenticator app) first: your role requires it',
      {
        messageVi: 'Vui lòng thiết lập xác thực hai lớp (ứng dụng xác thực) trước: vai trò của bạn bắt buộc',
      },
    );
  }
  static invalidChallenge(): AuthException {
    return new AuthException('unauthorized', AuthErrorCode.InvalidChallenge, 'The sign-in step has expired: enter your password again', {
      messageVi: 'Bước đăng nhập đã hết hạn: vui lòng nhập lại mật khẩu',
    });
  }
  static invalidSecondFactor(field = 'code'): AuthException {
    const message = 'Wrong or used code: enter the current code from your authenticator app, or an unused recovery code';
    const messageVi = 'Mã không đúng hoặc đã dùng: nhập mã hiện tại trong ứng dụng xác thực, hoặc một mã khôi phục chưa dùng';
    return new AuthException('unauthorized', AuthErrorCode.InvalidSecondFactor, message, {
      messageVi,
      issues: [{ field, rule: 'second_factor', message, messageVi }],
    });
  }
  static secondFactorEnrolled(): AuthException {
    return new AuthException('conflict', AuthErrorCode.SecondFactorEnrolled, 'A second factor is already set up; an admin can reset it', {
      messageVi: 'Đã thiết lập xác thực hai lớp; quản trị viên có thể đặt lại',
    });
  }
  static noPendingSecondFactor(): AuthException {
    return new AuthException(
      'conflict',
      AuthErrorCode.NoPendingSecondFactor,
      'Start the set-up first: no secret is waiting for its first code',
      {
        messageVi: 'Vui lòng bắt đầu thiết lập trước: chưa có khóa bí mật nào chờ mã đầu tiên',
      },
    );
  }
  static unavailable(retryAfterSeconds: number): AuthException {
    return new AuthException('unavailable', AuthErrorCode.Unavailable, 'Sessions cannot be checked right now; try again shortly', {
      retryAfterSeconds,
    });
  }
  static tooManyAttempts(retryAfterSeconds: number): AuthException {
    return new AuthException(
      'rate_limited',
      AuthErrorCode.TooManyAttempts,
      `Too many sign-in attempts; try again in ${retryAfterSeconds} s`,
      {
        retryAfterSeconds,
      },
    );
  }
}
