import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottleGuard } from './login-throttle.guard';

@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => ({ secret: c.auth.jwtSecret, signOptions: { expiresIn: c.auth.jwtTtlSeconds, issuer: 'hcmc1022' }, verifyOptions: { issuer: 'hcmc1022' } }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, LoginThrottleGuard, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
