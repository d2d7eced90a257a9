import { SessionState, SessionStateCache } from './session-state-cache';

const state: SessionState = {
  sessionId: 's',
  userId: 'u',
  username: 'x',
  role: 'operator',
  unitId: null,
  version: 1,
  mustChangePassword: false,
  mustEnrolSecondFactor: false,
};

describe('SessionStateCache', () => {
  it.each([
    ['just seen', 0, state, state],
    ['seen 29.999 s ago', 29_999, state, state],
    ['seen 30 s ago', 30_000, undefined, state],
    ['seen 299.999 s ago', 299_999, undefined, state],
    ['seen 300 s ago', 300_000, undefined, undefined],
    ['seen "in the future" (clock stepped back)', -1, undefined, undefined],
  ])('a session %s: fresh → %j, last known → %j', (_, age, fresh, lastKnown) => {
    const cache = new SessionStateCache(30_000, 300_000, 10);
    cache.set('s', state, 1_000_000);
    expect(cache.fresh('s', 1_000_000 + age)).toEqual(fresh);
    expect(cache.lastKnown('s', 1_000_000 + age)).toEqual(lastKnown);
  });

  it('keeps an ended session as ended (null), not as unknown', () => {
    const cache = new SessionStateCache(30_000, 300_000, 10);
    cache.set('s', null, 0);
    expect(cache.fresh('s', 1)).toBeNull();
    expect(cache.lastKnown('s', 60_000)).toBeNull();
  });

  it('forgets a session on request', () => {
    const cache = new SessionStateCache(30_000, 300_000, 10);
    cache.set('s', state, 0);
    cache.forget('s');
    expect([cache.fresh('s', 1), cache.lastKnown('s', 1)]).toEqual([undefined, undefined]);
  });

  it('drops the session seen longest ago past its capacity', () => {
    const cache = new SessionStateCache(30_000, 300_000, 2);
    cache.set('a', state, 0);
    cache.set('b', state, 0);
    cache.set('a', state, 1);
    cache.set('c', state, 2);
    expect([cache.fresh('a', 3), cache.fresh('b', 3), cache.fresh('c', 3)]).toEqual([state, undefined, state]);
  });

  it('never answers a session it was not given', () => {
    expect(new SessionStateCache(30_000, 300_000, 2).lastKnown('s', 0)).toBeUndefined();
  });
});
