import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { AuditService } from '../audit/audit.service';
import { UserRecord } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { usernameKey } from '../users/username-key';
import { AuthException } from './auth.exception';
import {
  ChangePasswordRequest,
  LoginRequest,
  LoginResponse,
  SecondFactorChallenge,
  SecondFactorLoginRequest,
  SessionUser,
  SessionView,
} from './auth.dto';
import { passwordProblems } from './password-policy';
import type { Principal } from './principal';
import { SecondFactorService } from './second-factor.service';
import { ClientMeta, IssuedTokens, SessionsService } from './sessions.service';

// Verifying against a real hash when the user is unknown keeps the answer time the same,
// so response times do not reveal which usernames exist.
const DUMMY_HASH = argon2.hash('timing-equaliser');
/** The step between password and second factor: long enough to open the app, no longer. */
const CHALLENGE_SECONDS = 300;
const CHALLENGE_AUDIENCE = 'hcmc1022:second-factor';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly factors: SecondFactorService,
    private readonly audit: AuditService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login({ username, password }: LoginRequest, client: ClientMeta): Promise<LoginResponse | SecondFactorChallenge> {
    const user = await this.users.findByUsername(username);
    const valid = user?.active
      ? await argon2.verify(user.passwordHash, password)
      : await argon2.verify(await DUMMY_HASH, password).then(() => false);
    // The subject is the name as tried, folded: failures against names that do not exist count too.
    const subject = `username:${usernameKey(username)
      .replace(/\p{Cc}/gu, '')
      .slice(0, 100)}`;
    if (!user || !valid) {
      const reason = !user ? 'unknown_user' : !user.active ? 'disabled' : 'wrong_password';
      await this.audit.record('sign_in_failed', user ? { userId: user.id, role: user.role } : null, subject, { reason, ip: client.ip });
      throw AuthException.invalidCredentials();
    }
    if (user.secondFactorEnrolled) {
      const challengeToken = await this.jwt.signAsync({ sub: user.id }, { audience: CHALLENGE_AUDIENCE, expiresIn: CHALLENGE_SECONDS });
      return { secondFactorRequired: true, challengeToken, expiresIn: CHALLENGE_SECONDS };
    }
    return this.signIn(user, client, subject, 'password');
  }

  /** The second step: the challenge from the password step and a code. */
  async loginSecondFactor({ challengeToken, code }: SecondFactorLoginRequest, client: ClientMeta): Promise<LoginResponse> {
    let userId: string;
    try {
      userId = (await this.jwt.verifyAsync<{ sub: string }>(challengeToken, { audience: CHALLENGE_AUDIENCE })).sub;
    } catch {
      throw AuthException.invalidChallenge();
    }
    const user = await this.users.findById(userId);
    if (!user?.active) throw AuthException.invalidChallenge();
    const subject = `username:${usernameKey(user.username)}`;
    const factor = await this.factors.check(user.id, code);
    if (!factor) {
      await this.audit.record('sign_in_failed', { userId: user.id, role: user.role }, subject, { reason: 'second_factor', ip: client.ip });
      throw AuthException.invalidSecondFactor();
    }
    return this.signIn(user, client, subject, factor);
  }

  async refresh(refreshToken: string, client: ClientMeta): Promise<LoginResponse> {
    const tokens = await this.sessions.refresh(refreshToken, client);
    const user = await this.users.findById(tokens.userId);
    if (!user?.active) throw AuthException.invalidRefreshToken();
    return this.answer(tokens, user);
  }

  async me(principal: Principal): Promise<SessionUser> {
    const user = await this.users.findById(principal.userId);
    if (!user?.active) throw AuthException.sessionEnded();
    return this.sessionUser(user);
  }

  async logout(principal: Principal): Promise<void> {
    if (principal.sessionId) await this.sessions.end(principal.userId, [principal.sessionId], 'logout');
  }

  async sessionsOf(principal: Principal): Promise<SessionView[]> {
    return (await this.sessions.list(principal.userId)).map((s) => ({ ...s, current: s.id === principal.sessionId }));
  }

  async endSession(principal: Principal, sessionId: string): Promise<void> {
    const ended = await this.sessions.end(principal.userId, [sessionId], 'revoked_by_user');
    if (ended.length === 0) throw AuthException.sessionNotFound();
  }

  /** "Sign out everywhere": every session of the caller, this one included. */
  async endAllSessions(principal: Principal): Promise<{ ended: number }> {
    return { ended: (await this.sessions.end(principal.userId, null, 'sign_out_everywhere')).length };
  }

  /** A new password ends every other session of the user; this one carries on. */
  async changePassword(principal: Principal, { currentPassword, newPassword }: ChangePasswordRequest): Promise<SessionUser> {
    const user = await this.users.findById(principal.userId);
    if (!user?.active) throw AuthException.sessionEnded();
    if (!(await argon2.verify(user.passwordHash, currentPassword))) throw AuthException.wrongCurrentPassword();
    const [problem] = passwordProblems(newPassword, [user.username, user.fullName]);
    if (problem) throw AuthException.weakPassword(problem);
    await this.users.setPassword(user.id, await argon2.hash(newPassword, { type: argon2.argon2id }), false);
    await this.audit.record('password_changed', principal, `user:${user.id}`, { wasTemporary: user.mustChangePassword });
    await this.sessions.end(user.id, null, 'password_changed', principal.sessionId ?? null);
    await this.sessions.authorityChanged(user.id);
    return { ...this.sessionUser(user), mustChangePassword: false };
  }

  private async signIn(user: UserRecord, client: ClientMeta, subject: string, factor: string): Promise<LoginResponse> {
    await this.users.recordLogin(user.id);
    const tokens = await this.sessions.start(user.id, client);
    await this.audit.record('sign_in_succeeded', { userId: user.id, role: user.role }, subject, {
      sessionId: tokens.sessionId,
      ip: client.ip,
      factor,
    });
    return this.answer(tokens, user);
  }

  private answer(tokens: IssuedTokens, user: UserRecord): LoginResponse {
    return {
      accessToken: tokens.accessToken,
      tokenType: 'Bearer',
      expiresIn: tokens.expiresIn,
      refreshToken: tokens.refreshToken,
      refreshExpiresIn: tokens.refreshExpiresIn,
      sessionId: tokens.sessionId,
      user: this.sessionUser(user),
    };
  }

  private sessionUser(u: UserRecord): SessionUser {
    const required = !u.demo && this.config.sessions.mfaRequiredRoles.includes(u.role);
    return {
      id: u.id,
      username: u.username,
      fullName: u.fullName,
      role: u.role,
      unit: u.unit,
      mustChangePassword: u.mustChangePassword,
      secondFactor: { enrolled: u.secondFactorEnrolled, required },
    };
  }
}
