import { DomainException } from '../../engine/errors/domain.exception';

export enum AuthErrorCode {
  InvalidCredentials = 'auth.invalid_credentials',
  MissingToken = 'auth.missing_token',
  InvalidToken = 'auth.invalid_token',
  Forbidden = 'auth.forbidden',
  TooManyAttempts = 'auth.too_many_attempts',
}

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
  static tooManyAttempts(retryAfterSeconds: number): AuthException {
    return new AuthException('rate_limited', AuthErrorCode.TooManyAttempts, `Too many sign-in attempts; try again in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    });
  }
}
