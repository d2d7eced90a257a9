import { passwordProblems } from './password-policy';

describe('passwordProblems', () => {
  it.each<[string, string, string[], string[]]>([
    ['eleven characters', 'Abc!5678901', [], ['too_short']],
    ['a long common password', 'password1234', [], ['guessable']],
    ['a breached one with a digit swapped for a letter', 'passw0rd1234', [], ['guessable']],
    ['a keyboard walk', 'qwertyuiop[]', [], ['guessable']],
    ['one character repeated', 'aaaaaaaaaaaaaaa', [], ['guessable']],
    ['a sequence', '123456789012', [], ['guessable']],
    ['the demo password doubled', '1022demo!1022demo!', [], []],
    ['the username with a year', 'ward.benthanh2025', ['ward.benthanh'], ['guessable']],
    ['a passphrase', 'Sông Sài Gòn chảy qua cầu', [], []],
    ['random words and digits', 'mango-ferry-47-lantern', [], []],
    ['a random temporary password', 'k7mq-x3rt-9hpa-vw2e', [], []],
    ['too long', 'x'.repeat(201), [], ['too_long']],
  ])('%s → %j', (_, password, inputs, problems) => {
    expect(passwordProblems(password, inputs)).toEqual(problems);
  });
});
