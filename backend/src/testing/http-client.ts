import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock, CLOCK } from '../engine/clock/clock';

/** The password of every demo account (seeded with DEMO_SEED). */
export const DEMO_PASSWORD = '1022demo!';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpAnswer {
  status: number;
  /** The parsed JSON body (null when there is none), as loosely typed as `res.json()`. */
  body: any;
  text: string;
  headers: Record<string, string | string[] | number | undefined>;
}

/**
 * One request through Fastify's inject: the bearer token and the JSON body when given, then the
 * extra headers; the answer's body parsed when there is one.
 */
export async function callApi(
  app: NestFastifyApplication,
  method: Method,
  url: string,
  token?: string,
  payload?: object,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  const res = await app.inject({
    method,
    url,
    payload,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(payload ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
  });
  return { status: res.statusCode, body: res.body ? res.json() : null, text: res.body, headers: res.headers };
}

/** POST /api/v1/auth/login, answered as it is (the demo password unless another is given). */
export function signIn(app: NestFastifyApplication, username: string, password = DEMO_PASSWORD): Promise<HttpAnswer> {
  return callApi(app, 'POST', '/api/v1/auth/login', undefined, { username, password });
}

/** Signs the demo accounts in one after the other; their access tokens by username. */
export async function demoTokens(app: NestFastifyApplication, usernames: string[]): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const username of usernames) {
    const res = await signIn(app, username);
    expect(res.status).toBe(200);
    tokens[username] = res.body.accessToken;
  }
  return tokens;
}

/** Moves an application's clock (CLOCK) forward by `ms` from now on. */
export function advanceClock(app: NestFastifyApplication, ms: number): void {
  const clock = app.get<Clock>(CLOCK);
  const before = clock.now.bind(clock);
  clock.now = () => new Date(before().getTime() + ms);
}

/** POST /open311/v2/requests.json as an Open311 client sends it: the fields as a form (the API key among them). */
export function postOpen311Form(app: NestFastifyApplication, fields: Record<string, string>, query = '') {
  return app.inject({
    method: 'POST',
    url: `/open311/v2/requests.json${query}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
}
