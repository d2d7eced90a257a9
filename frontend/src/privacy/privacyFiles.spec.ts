import { describe } from 'vitest';
import { itMapsEach } from '../testing/table';
import { attachmentName, oneTimeCode, personalDataFileName } from './privacyFiles';

describe('personal-data files', () => {
  itMapsEach('the typed code %j is %j', oneTimeCode, [
    ['123456', '123456'],
    [' 123 456 ', '123456'],
    ['123-456', '123456'],
    ['12345', null],
    ['1234567', null],
    ['12a456', null],
    ['', null],
  ]);

  itMapsEach('Content-Disposition %j saves as %j', (header: string | null) => attachmentName(header, 'fallback.json'), [
    ['attachment; filename="1022-data.json"', '1022-data.json'],
    ['attachment; filename=1022-data.html', '1022-data.html'],
    ['attachment; filename="x.html"; filename*=UTF-8\'\'d%E1%BB%AF-li%E1%BB%87u.html', 'dữ-liệu.html'],
    ['attachment; filename="../../etc/passwd"', '.._.._etc_passwd'],
    ['attachment; filename=".."', 'fallback.json'],
    ["attachment; filename*=UTF-8''%E0%A4%A", 'fallback.json'],
    ['attachment', 'fallback.json'],
    ['', 'fallback.json'],
    [null, 'fallback.json'],
  ]);

  itMapsEach(
    'data generated at %j is saved as %j',
    ([format, at]: readonly ['json' | 'html', string]) => personalDataFileName(format, at),
    [
      [['json', '2026-12-07T16:59:59Z'], '1022-du-lieu-ca-nhan-2026-12-07.json'],
      // 17:00 UTC is already the next day in the city.
      [['html', '2026-12-07T17:00:00Z'], '1022-du-lieu-ca-nhan-2026-12-08.html'],
      [['json', 'not a date'], '1022-du-lieu-ca-nhan-export.json'],
    ],
  );
});
