import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public } from '../../engine/http/public.decorator';
import { LoginRequest, LoginResponse, loginSchema, SessionUser } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentPrincipal } from './current-principal.decorator';
import { LoginThrottleGuard } from './login-throttle.guard';
import type { Principal } from './principal';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(LoginThrottleGuard)
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
