import { Module } from '@nestjs/common';
import { ClockModule } from '../../engine/clock/clock.module';
import { RateLimitModule } from '../../engine/rate-limit/rate-limit.module';
import { APP_GUARD } from '@nestjs/core';
import { createSecretKey } from 'node:crypto';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { AuditModule } from '../audit/audit.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginLimiterInterceptor } from './login-limiter.interceptor';
import { SecondFactorRepository } from './second-factor.repository';
import { SecondFactorService } from './second-factor.service';
import { SessionRepository } from './session.repository';
import { SessionStatesService } from './session-states.service';
import { SessionsService } from './sessions.service';

@Module({
  imports: [
    ClockModule,
    UsersModule,
    AuditModule,
    RateLimitModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A key object, not the string: given a string, jsonwebtoken first tries to read it as a
      // public key on every verification and only then falls back (0.1 ms of CPU a request).
      useFactory: (c: AppConfig) => ({
        secret: createSecretKey(Buffer.from(c.auth.jwtSecret)),
        signOptions: { expiresIn: c.auth.jwtTtlSeconds, issuer: 'hcmc1022' },
        verifyOptions: { issuer: 'hcmc1022' },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    LoginLimiterInterceptor,
    SessionRepository,
    SessionStatesService,
    SessionsService,
    SecondFactorRepository,
    SecondFactorService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [SessionsService, SecondFactorService],
})
export class AuthModule {}
