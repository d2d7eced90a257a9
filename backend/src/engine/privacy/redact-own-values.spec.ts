import { REDACTED as R } from './redact-personal-text';
import { redactOwnValues } from './redact-own-values';

const OWN = ['Nguyễn Văn An', '0901234567', 'an.nguyen@example.vn'];

describe('redactOwnValues', () => {
  it.each([
    ['Tôi là Nguyễn Văn An, nhà ở hẻm 12', `Tôi là ${R}, nhà ở hẻm 12`],
    ['tôi là NGUYỄN VĂN AN', `tôi là ${R}`],
    ['tôi là Nguyễn  Văn\nAn', `tôi là ${R}`],
    // The same name in decomposed Unicode (as some phones type it).
    ['tôi là Nguye\u0302\u0303n Va\u0306n An', `tôi là ${R}`],
    ['gọi 090 123 4567 hoặc +84 901.234.567', `gọi ${R} hoặc ${R}`],
    ['thư an.nguyen@example.vn', `thư ${R}`],
    // Only whole values: a longer name or number is someone else's.
    ['ông Nguyễn Văn Anh', 'ông Nguyễn Văn Anh'],
    ['số 09012345678', 'số 09012345678'],
    ['đường Nguyễn Văn Linh', 'đường Nguyễn Văn Linh'],
  ])('%j → %j', (text, expected) => {
    expect(redactOwnValues(text, OWN)).toBe(expected);
  });

  it.each([[[null, undefined, '', 'An', '  ']], [[]]])('leaves the text alone for absent or too short values %j', (values) => {
    expect(redactOwnValues('An ở đây', values)).toBe('An ở đây');
  });
});
