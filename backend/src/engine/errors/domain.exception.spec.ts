import { errorCodes } from './domain.exception';

describe('errorCodes', () => {
  it.each([
    ['auth', ['invalid_token'], { InvalidToken: 'auth.invalid_token' }],
    [
      'tickets',
      ['reporter_secret_required', 'not_found'],
      { ReporterSecretRequired: 'tickets.reporter_secret_required', NotFound: 'tickets.not_found' },
    ],
    ['rate_limit', ['busy'], { Busy: 'rate_limit.busy' }],
  ])('%s %j', (module, names, expected) => {
    expect(errorCodes(module, names)).toEqual(expected);
  });

  it('cannot be changed at run time', () => {
    const codes = errorCodes('geo', ['invalid_tile']);
    expect(Object.isFrozen(codes)).toBe(true);
  });
});
