import { Controller, ExecutionContext, Get } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Public } from '../../engine/http/public.decorator';
import { AuthException } from './auth.exception';
import { AuthGuard } from './auth.guard';
import { AllowedDuringSetup } from './setup.decorator';
import { Roles } from './roles.decorator';
import type { KnownSession, SessionState } from './session-state-cache';
import type { SessionStatesService } from './session-states.service';

@Controller()
class Probe {
  @Public() @Get() open() {}
  @Get() signedIn() {}
  @Roles('leader', 'admin') @Get() leadersOnly() {}
  @AllowedDuringSetup() @Get() changePassword() {}
}

const jwt = new JwtService({
  secret: 'unit-test-secret-0123456789',
  signOptions: { issuer: 'hcmc1022' },
  verifyOptions: { issuer: 'hcmc1022' },
});

/** Sessions as SessionStatesService would answer them; the real one is tested over HTTP. */
const sessions = new Map<string, KnownSession | 'unavailable'>();
const states = {
  state: async (sid: string) => {
    const s = sessions.get(sid);
    if (s === 'unavailable') throw AuthException.unavailable(30);
    return s ?? null;
  },
} as unknown as SessionStatesService;
const session = (sid: string, role: SessionState['role'], unitId: string | null = null, extra: Partial<SessionState> = {}): string => {
  sessions.set(sid, {
    sessionId: sid,
    userId: `user-${sid}`,
    username: `x-${sid}`,
    role,
    unitId,
    version: 1,
    mustChangePassword: false,
    mustEnrolSecondFactor: false,
    ...extra,
  });
  return `Bearer ${jwt.sign({ sub: `user-${sid}`, sid }, { expiresIn: 900 })}`;
};
const guard = new AuthGuard(new Reflector(), jwt, states);

function context(
  handler: keyof Probe,
  authorization?: string,
): { ctx: ExecutionContext; request: Record<string, any>; headers: Record<string, string> } {
  const request: Record<string, any> = { headers: authorization ? { authorization } : {} };
  const headers: Record<string, string> = {};
  const reply: { header(k: string, v: string): unknown } = { header: (k, v) => ((headers[k] = v), reply) };
  const ctx = {
    getType: () => 'http',
    getHandler: () => Probe.prototype[handler],
    getClass: () => Probe,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ExecutionContext;
  return { ctx, request, headers };
}

type Case = [string, keyof Probe, () => string | undefined, string | true];

describe('AuthGuard', () => {
  it.each<Case>([
    ['no token', 'open', () => undefined, true],
    ['no token', 'signedIn', () => undefined, 'auth.missing_token'],
    ['garbage', 'signedIn', () => 'Bearer garbage', 'auth.invalid_token'],
    ["an operator's session", 'signedIn', () => session('op', 'operator'), true],
    ["an operator's session", 'leadersOnly', () => session('op', 'operator'), 'auth.forbidden'],
    ["a leader's session", 'leadersOnly', () => session('le', 'leader'), true],
    ["a ward official's session", 'leadersOnly', () => session('wo', 'ward_official', 'unit-a'), 'auth.forbidden'],
    ['garbage', 'open', () => 'Bearer garbage', true],
    // The old kind: role in the token and no session, so nothing can revoke it.
    [
      'a token naming no session',
      'signedIn',
      () => `Bearer ${jwt.sign({ sub: 'u', username: 'x', role: 'admin', unitId: null }, { expiresIn: 900 })}`,
      'auth.invalid_token',
    ],
    ['an ended session', 'signedIn', () => `Bearer ${jwt.sign({ sub: 'u', sid: 'ended' }, { expiresIn: 900 })}`, 'auth.session_ended'],
    [
      "another user's session",
      'signedIn',
      () => (session('mine', 'admin'), `Bearer ${jwt.sign({ sub: 'someone-else', sid: 'mine' }, { expiresIn: 900 })}`),
      'auth.session_ended',
    ],
    ['an ended session', 'open', () => `Bearer ${jwt.sign({ sub: 'u', sid: 'ended' }, { expiresIn: 900 })}`, true],
    [
      'a temporary password',
      'signedIn',
      () => session('tmp', 'operator', null, { mustChangePassword: true }),
      'auth.password_change_required',
    ],
    ['a temporary password', 'changePassword', () => session('tmp', 'operator', null, { mustChangePassword: true }), true],
    [
      'no second factor yet where one is required',
      'signedIn',
      () => session('nomfa', 'admin', null, { mustEnrolSecondFactor: true }),
      'auth.second_factor_required',
    ],
    [
      'no second factor yet where one is required',
      'changePassword',
      () => session('nomfa', 'admin', null, { mustEnrolSecondFactor: true }),
      true,
    ],
  ])('%s on %s → %s', async (_, handler, header, outcome) => {
    const { ctx } = context(handler, header());
    if (outcome === true) await expect(guard.canActivate(ctx)).resolves.toBe(true);
    else await expect(guard.canActivate(ctx)).rejects.toMatchObject({ code: outcome });
  });

  it("puts the caller on the request with the session's role and unit", async () => {
    const { ctx, request } = context('signedIn', session('wo2', 'ward_official', 'unit-a'));
    await guard.canActivate(ctx);
    expect(request.principal).toEqual({ userId: 'user-wo2', username: 'x-wo2', role: 'ward_official', unitId: 'unit-a', sessionId: 'wo2' });
  });

  it('takes the role the session has now, not the one it had when the token was issued', async () => {
    const header = session('promoted', 'operator');
    await expect(guard.canActivate(context('leadersOnly', header).ctx)).rejects.toMatchObject({ code: 'auth.forbidden' });
    sessions.set('promoted', { ...(sessions.get('promoted') as SessionState), role: 'leader', version: 2 });
    await expect(guard.canActivate(context('leadersOnly', header).ctx)).resolves.toBe(true);
  });

  it('answers 503 with Retry-After when sessions cannot be checked, and lets public routes through', async () => {
    const header = session('away', 'admin');
    sessions.set('away', 'unavailable');
    const closed = context('signedIn', header);
    await expect(guard.canActivate(closed.ctx)).rejects.toMatchObject({ code: 'auth.unavailable', kind: 'unavailable' });
    expect(closed.headers['retry-after']).toBe('30');
    const open = context('open', header);
    await expect(guard.canActivate(open.ctx)).resolves.toBe(true);
    expect(open.request.principal).toBeUndefined();
  });

  it('refuses a token signed with another secret', async () => {
    const other = new JwtService({ secret: 'another-secret-0123456789', signOptions: { issuer: 'hcmc1022' } });
    session('forged', 'admin');
    const { ctx } = context('signedIn', `Bearer ${other.sign({ sub: 'user-forged', sid: 'forged' })}`);
    await expect(guard.canActivate(ctx)).rejects.toMatchObject({ code: 'auth.invalid_token' });
  });

  describe('a token it verified before', () => {
    afterEach(() => jest.useRealTimers());

    it('is taken again until it expires, then refused', async () => {
      jest.useFakeTimers({ now: new Date('2026-07-01T08:00:00Z') });
      const fresh = new AuthGuard(new Reflector(), jwt, states);
      sessions.set('s2', {
        sessionId: 's2',
        userId: 'user-2',
        username: 'y',
        role: 'leader',
        unitId: null,
        version: 1,
        mustChangePassword: false,
        mustEnrolSecondFactor: false,
      });
      const header = `Bearer ${jwt.sign({ sub: 'user-2', sid: 's2' }, { expiresIn: 60 })}`;
      for (const _ of [1, 2]) {
        const { ctx, request } = context('leadersOnly', header);
        await expect(fresh.canActivate(ctx)).resolves.toBe(true);
        expect(request.principal).toMatchObject({ userId: 'user-2', role: 'leader' });
      }
      jest.setSystemTime(new Date('2026-07-01T08:01:00Z'));
      await expect(fresh.canActivate(context('leadersOnly', header).ctx)).rejects.toMatchObject({ code: 'auth.invalid_token' });
    });

    it('is refused as soon as its session has ended', async () => {
      const fresh = new AuthGuard(new Reflector(), jwt, states);
      const header = session('s3', 'operator');
      await expect(fresh.canActivate(context('signedIn', header).ctx)).resolves.toBe(true);
      sessions.set('s3', null);
      await expect(fresh.canActivate(context('signedIn', header).ctx)).rejects.toMatchObject({ code: 'auth.session_ended' });
    });
  });
});
