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

  describe('a token it verified before', () => {
    afterEach(() => jest.useRealTimers());

    it('is taken again until it expires, then refused', async () => {
      jest.useFakeTimers({ now: new Date('2026-07-01T08:00:00Z') });
      const fresh = new AuthGuard(new Reflector(), jwt);
      const header = `Bearer ${jwt.sign({ sub: 'user-2', username: 'y', role: 'leader', unitId: null }, { expiresIn: 60 })}`;
      for (const _ of [1, 2]) {
        const { ctx, request } = context('leadersOnly', header);
        await expect(fresh.canActivate(ctx)).resolves.toBe(true);
        expect(request.principal).toEqual({ userId: 'user-2', username: 'y', role: 'leader', unitId: null });
      }
      jest.setSystemTime(new Date('2026-07-01T08:01:00Z'));
      await expect(fresh.canActivate(context('leadersOnly', header).ctx)).rejects.toMatchObject({ code: 'auth.invalid_token' });
    });

    it('still answers for its own role only', async () => {
      const fresh = new AuthGuard(new Reflector(), jwt);
      const header = `Bearer ${jwt.sign({ sub: 'user-3', username: 'z', role: 'operator', unitId: null }, { expiresIn: 60 })}`;
      await expect(fresh.canActivate(context('signedIn', header).ctx)).resolves.toBe(true);
      await expect(fresh.canActivate(context('leadersOnly', header).ctx)).rejects.toMatchObject({ code: 'auth.forbidden' });
    });
  });
});
