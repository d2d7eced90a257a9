import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { UserRecord } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { AuthException } from './auth.exception';
import { LoginRequest, LoginResponse, SessionUser } from './auth.dto';
import type { Principal } from './principal';

// Verifying against a real hash when the user is unknown keeps the answer time the same,
// so response times do not reveal which usernames exist.
const DUMMY_HASH = argon2.hash('timing-equaliser');

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login({ username, password }: LoginRequest): Promise<LoginResponse> {
    const user = await this.users.findByUsername(username);
    const valid = user?.active
      ? await argon2.verify(user.passwordHash, password)
      : await argon2.verify(await DUMMY_HASH, password).then(() => false);
    if (!user || !valid) throw AuthException.invalidCredentials();
    await this.users.recordLogin(user.id);
    const accessToken = await this.jwt.signAsync({ sub: user.id, username: user.username, role: user.role, unitId: user.unit?.id ?? null });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.auth.jwtTtlSeconds, user: toSessionUser(user) };
  }

  async me(principal: Principal): Promise<SessionUser> {
    const user = await this.users.findById(principal.userId);
    if (!user?.active) throw AuthException.invalidToken();
    return toSessionUser(user);
  }
}

function toSessionUser(u: UserRecord): SessionUser {
  return { id: u.id, username: u.username, fullName: u.fullName, role: u.role, unit: u.unit };
}
