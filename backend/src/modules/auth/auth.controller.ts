import { applyDecorators, Body, Controller, Delete, Get, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z, ZodType } from 'zod';
import { BodyLimit } from '../../engine/http/body-limit.decorator';
import { Public } from '../../engine/http/public.decorator';
import {
  ChangePasswordRequest,
  changePasswordSchema,
  endedSessionsResponse,
  Enrolment,
  enrolmentSchema,
  loginAnswerSchema,
  LoginRequest,
  LoginResponse,
  loginResponseSchema,
  loginSchema,
  recoveryCodesResponse,
  RefreshRequest,
  refreshSchema,
  SecondFactorChallenge,
  secondFactorCodeSchema,
  SecondFactorLoginRequest,
  secondFactorLoginSchema,
  SessionUser,
  sessionUserSchema,
  SessionView,
  sessionsResponse,
} from './auth.dto';
import { AuthService } from './auth.service';
import { Client } from './client-meta.decorator';
import { CurrentPrincipal } from './current-principal.decorator';
import { LoginLimiterInterceptor } from './login-limiter.interceptor';
import { AllowedDuringSetup } from './setup.decorator';
import type { Principal } from './principal';
import { SecondFactorService } from './second-factor.service';
import { PostAnswering } from './staff-route.decorator';
import type { ClientMeta } from './sessions.service';

/** A POST for any signed-in caller that answers 200 with `schema`. */
const SignedInPost = (path: string, schema: ZodType): MethodDecorator => applyDecorators(PostAnswering(path, schema), ApiBearerAuth());

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly factors: SecondFactorService,
  ) {}

  @Public()
  @BodyLimit(8 * 1024)
  @UseInterceptors(LoginLimiterInterceptor)
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: loginAnswerSchema, description: 'Signed in, or a second-factor challenge when the account has one' })
  login(@Body({ schema: loginSchema }) body: LoginRequest, @Client() client: ClientMeta): Promise<LoginResponse | SecondFactorChallenge> {
    return this.auth.login(body, client);
  }

  /** The second step of a sign-in for an account with a second factor. */
  @Public()
  @PostAnswering('login/second-factor', loginResponseSchema)
  loginSecondFactor(
    @Body({ schema: secondFactorLoginSchema }) body: SecondFactorLoginRequest,
    @Client() client: ClientMeta,
  ): Promise<LoginResponse> {
    return this.auth.loginSecondFactor(body, client);
  }

  /** A new TOTP secret, waiting for its first code (confirm). */
  @AllowedDuringSetup()
  @SignedInPost('second-factor/enrol', enrolmentSchema)
  enrolSecondFactor(@CurrentPrincipal() principal: Principal): Promise<Enrolment> {
    return this.factors.enrol(principal);
  }

  /** The first code from the app turns the factor on; the answer holds the recovery codes, this once. */
  @AllowedDuringSetup()
  @SignedInPost('second-factor/confirm', recoveryCodesResponse)
  confirmSecondFactor(
    @Body({ schema: secondFactorCodeSchema }) body: { code: string },
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ recoveryCodes: string[] }> {
    return this.factors.confirm(principal, body.code);
  }

  /** A new access token (and refresh token) for a session that is still open. */
  @Public()
  @PostAnswering('refresh', loginResponseSchema)
  refresh(@Body({ schema: refreshSchema }) body: RefreshRequest, @Client() client: ClientMeta): Promise<LoginResponse> {
    return this.auth.refresh(body.refreshToken, client);
  }

  @ApiBearerAuth()
  @AllowedDuringSetup()
  @Get('me')
  @ApiOkResponse({ standardSchema: sessionUserSchema })
  me(@CurrentPrincipal() principal: Principal): Promise<SessionUser> {
    return this.auth.me(principal);
  }

  @ApiBearerAuth()
  @AllowedDuringSetup()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session ended' })
  logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.auth.logout(principal);
  }

  @AllowedDuringSetup()
  @SignedInPost('password', sessionUserSchema)
  changePassword(
    @Body({ schema: changePasswordSchema }) body: ChangePasswordRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionUser> {
    return this.auth.changePassword(principal, body);
  }

  @ApiBearerAuth()
  @Get('sessions')
  @ApiOkResponse({ standardSchema: sessionsResponse, description: 'The open sessions of the caller, newest first' })
  sessions(@CurrentPrincipal() principal: Principal): Promise<SessionView[]> {
    return this.auth.sessionsOf(principal);
  }

  @ApiBearerAuth()
  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session ended' })
  endSession(@Param('id', { schema: z.string().uuid() }) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.auth.endSession(principal, id);
  }

  /** "Sign out everywhere": every session of the caller ends, this one included. */
  @SignedInPost('sessions/revoke-all', endedSessionsResponse)
  endAllSessions(@CurrentPrincipal() principal: Principal): Promise<{ ended: number }> {
    return this.auth.endAllSessions(principal);
  }
}
