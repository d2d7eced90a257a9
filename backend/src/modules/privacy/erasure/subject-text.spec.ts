import { ERASED_MARKER as M, eraseJson, eraseText, subjectMatcher, subjectPatterns } from './subject-text';

const subject = { phones: ['0903123456'], emails: ['Lan.Nguyen@Example.vn'], names: ['Nguyễn Thị Lan'] };
const matcher = subjectMatcher(subject);

describe('eraseText with the subject’s own values', () => {
  it.each([
    ['the normalised number', 'gọi 0903123456 nhé', `gọi ${M} nhé`],
    ['spaces', 'số 0903 123 456.', `số ${M}.`],
    ['dashes', 'số 090-312-3456', `số ${M}`],
    ['dots', '0903.123.456', M],
    ['the country code', '+84903123456 hoặc +84 903 123 456', `${M} hoặc ${M}`],
    ['84 without a plus', '84903123456', M],
    ['brackets', '(090) 3123456', M],
    ['the e-mail in another case', 'mail lan.nguyen@example.VN', `mail ${M}`],
    ['the name in another case', 'chị NGUYỄN THỊ LAN phản ánh', `chị ${M} phản ánh`],
    ['the name across a line break', 'Nguyễn Thị\nLan', M],
    ['the name decomposed (NFD)', 'Nguyễn Thị Lan'.normalize('NFD'), M],
    ['the name without its diacritics', 'chi Nguyen Thi Lan goi', `chi ${M} goi`],
    ['the name in capitals without diacritics', 'NGUYEN THI LAN', M],
    ['values next to each other join into one marker', 'Nguyễn Thị Lan, 0903123456', M],
    ['the name with the number in brackets', 'Hàng xóm Nguyễn Thị Lan (0903 123 456) cũng báo', `Hàng xóm ${M} cũng báo`],
    ['a bracket opened before stays closed', '(chị Lan, 0903123456)', `(chị Lan, ${M})`],
    ['another number stays', 'gọi 0903123457', 'gọi 0903123457'],
    ['a longer number holding it stays', '109031234567', '109031234567'],
    ['a longer word holding the name stays', 'Nguyễn Thị Lanh', 'Nguyễn Thị Lanh'],
    ['a house number stays', 'số 12/3 Lê Lợi', 'số 12/3 Lê Lợi'],
  ])('%s', (_title, text, expected) => {
    expect(eraseText(text, matcher, false)).toBe(expected);
  });
});

describe('eraseText with the public patterns as well', () => {
  it.each([
    ['anyone’s phone number', 'hàng xóm 0912 345 678', `hàng xóm ${M}`],
    ['an e-mail', 'gửi a@b.vn', `gửi ${M}`],
    ['a plate', 'xe 51F-123.45 đậu', `xe ${M} đậu`],
    ['an ID number', 'CCCD 079203001234', `CCCD ${M}`],
    ['a street address stays', '12 Lê Lợi, Bến Nghé', '12 Lê Lợi, Bến Nghé'],
  ])('%s', (_title, text, expected) => {
    expect(eraseText(text, matcher, true)).toBe(expected);
  });

  it('leaves other numbers alone without them', () => {
    expect(eraseText('hàng xóm 0912 345 678', matcher, false)).toBe('hàng xóm 0912 345 678');
  });
});

describe('subjectPatterns', () => {
  it.each([
    ['no values', { phones: [], emails: [], names: [] }, 0],
    ['a number that is no phone number is skipped', { phones: ['12'], emails: [], names: [] }, 0],
    ['a one-letter name is skipped', { phones: [], emails: [], names: ['A'] }, 0],
    ['a one-word name is searched as written only', { phones: [], emails: [], names: ['An'] }, 1],
    ['duplicates count once', { phones: ['0903123456', '0903123456'], emails: [], names: ['Lan'] }, 2],
  ])('%s', (_title, values, n) => {
    expect(subjectPatterns(values)).toHaveLength(n);
  });

  it('is valid in PostgreSQL as it is in JavaScript: only escapes and classes both know', () => {
    for (const p of subjectPatterns({ phones: ['0903123456'], emails: ['a.b+c@x.vn'], names: ['Lê (Bé)'] }))
      expect(p).not.toMatch(/\(\?<|\\p\{/);
  });

  it('gives no matcher without values', () => {
    expect(subjectMatcher({ phones: [], emails: [], names: [] })).toBeNull();
  });
});

describe('eraseJson', () => {
  it('masks every string of a nested value and keeps the rest', () => {
    expect(eraseJson({ a: 'Nguyễn Thị Lan', n: 3, list: ['0903123456', null], deep: { ok: true } }, matcher, false)).toEqual({
      a: M,
      n: 3,
      list: [M, null],
      deep: { ok: true },
    });
  });
});

describe('a one-word name', () => {
  it('is masked as written, never where the same letters carry other marks', () => {
    const an = subjectMatcher({ phones: [], emails: [], names: ['An'] });
    expect(eraseText('chị An đi ăn cơm', an, false)).toBe(`chị ${M} đi ăn cơm`);
  });
});
