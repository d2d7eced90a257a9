import { parsePolicy } from './rate-limit-policy';

describe('parsePolicy', () => {
  it.each([
    ['client=60/600', { client: { limit: 60, windowSeconds: 600 } }],
    [
      ' device=10/3600 , client=60/600,global=300/60 ',
      { device: { limit: 10, windowSeconds: 3600 }, client: { limit: 60, windowSeconds: 600 }, global: { limit: 300, windowSeconds: 60 } },
    ],
    [
      'account=10/60,client=30/60,global=600/60',
      { account: { limit: 10, windowSeconds: 60 }, client: { limit: 30, windowSeconds: 60 }, global: { limit: 600, windowSeconds: 60 } },
    ],
    ['apiKey=120/60,user=1/1', { apiKey: { limit: 120, windowSeconds: 60 }, user: { limit: 1, windowSeconds: 1 } }],
  ])('reads %j', (text, expected) => {
    expect(parsePolicy(text)).toEqual(expected);
  });

  it.each([
    ['', /at least one dimension/],
    ['client', /not dimension=limit\/seconds/],
    ['client=60', /not dimension=limit\/seconds/],
    ['client=-1/60', /not dimension=limit\/seconds/],
    ['client=0/60', /at least 1/],
    ['client=5/0', /at least 1/],
    ['client=1.5/60', /not dimension=limit\/seconds/],
    ['phone=5/60', /unknown dimension "phone"/],
    ['client=5/60,client=6/60', /given twice/],
  ])('refuses %j', (text, reason) => {
    expect(parsePolicy(text)).toMatch(reason);
  });
});
