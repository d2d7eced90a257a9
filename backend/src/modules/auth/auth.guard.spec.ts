import { Controller, ExecutionContext, Get } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Public } from '../../engine/http/public.decorator';
import { AuthGuard } from './auth.guard';
import { Roles } from './roles.decorator';

@Controller()
class Probe {
  @Public() @Get() open() {}
  @Get() signedIn() {}
  @Roles('leader', 'admin') @Get() leadersOnly() {}
}

const jwt = new JwtService({ secret: 'unit-test-secret-0123456789', signOptions: { issuer: 'hcmc1022' }, verifyOptions: { issuer: 'hcmc1022' } });
const guard = new AuthGuard(new Reflector(), jwt);

function context(handler: keyof Probe, authorization?: string): { ctx: ExecutionContext; request: Record<string, any> } {
  const request: Record<string, any> = { headers: authorization ? { authorization } : {} };
  const ctx = {
    getType: () => 'http',
    getHandler: () => Probe.prototype[handler],
    getClass: () => Probe,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { ctx, request };
}

const token = (role: string, unitId: string | null = null) => jwt.sign({ sub: 'user-1', username: 'x', role, unitId });

describe('AuthGuard', () => {
  it.each([
    ['open', undefined, true],
    ['signedIn', undefined, 'auth.missing_token'],
    ['signedIn', 'Bearer garbage', 'auth.invalid_token'],
    ['signedIn', `Bearer ${token('operator')}`, true],
    ['leadersOnly', `Bearer ${token('operator')}`, 'auth.forbidden'],
    ['leadersOnly', `Bearer ${token('leader')}`, true],
    ['leadersOnly', `Bearer ${token('ward_official', 'unit-a')}`, 'auth.forbidden'],
    ['open', 'Bearer garbage', true],
  ] as const)('%s with %s → %s', async (handler, header, outcome) => {
    const { ctx } = context(handler, header);
    if (outcome === true) await expect(guard.canActivate(ctx)).resolves.toBe(true);
    else await expect(guard.canActivate(ctx)).rejects.toMatchObject({ code: outcome });
  });

  it('puts the caller on the request, unit included', async () => {
    const { ctx, request } = context('signedIn', `Bearer ${token('ward_official', 'unit-a')}`);
    await guard.canActivate(ctx);
    expect(request.principal).toEqual({ userId: 'user-1', username: 'x', role: 'ward_official', unitId: 'unit-a' });
  });

  it('refuses a token signed with another secret', async () => {
    const other = new JwtService({ secret: 'another-secret-0123456789', signOptions: { issuer: 'hcmc1022' } });
    const { ctx } = context('signedIn', `Bearer ${other.sign({ sub: 'u', username: 'x', role: 'admin', unitId: null })}`);
    await expect(guard.canActivate(ctx)).rejects.toMatchObject({ code: 'auth.invalid_token' });
  });
});
