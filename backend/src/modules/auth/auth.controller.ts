import { Body, Controller, Get, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { BodyLimit } from '../../engine/http/body-limit.decorator';
import { Public } from '../../engine/http/public.decorator';
import { RateLimit } from '../../engine/rate-limit/rate-limit.decorator';
import { LoginRequest, LoginResponse, loginSchema, SessionUser } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentPrincipal } from './current-principal.decorator';
import { loginAccount, LoginLimiterInterceptor } from './login-limiter.interceptor';
import type { Principal } from './principal';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @RateLimit('login', { account: loginAccount })
  @BodyLimit(8 * 1024)
  @UseInterceptors(LoginLimiterInterceptor)
  @Post('login')
  @HttpCode(200)
  login(@Body({ schema: loginSchema }) body: LoginRequest): Promise<LoginResponse> {
    return this.auth.login(body);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentPrincipal() principal: Principal): Promise<SessionUser> {
    return this.auth.me(principal);
  }
}
