import { describe } from 'vitest';
import { itMapsEachEqual } from '../../testing/table';
import { channelsFor, missingFields, splitContacts, type RequestDraft } from './privacyRequestDraft';

const FILLED: RequestDraft = {
  kind: 'erasure',
  channel: 'phone',
  phones: '0901234567',
  emails: '',
  name: '',
  identityCheck: 'Đọc đúng mã phản ánh và ngày gửi',
  reason: 'Người gọi yêu cầu xoá',
};

describe('staff personal-data request form', () => {
  itMapsEachEqual('%j may record %j', channelsFor, [
    ['admin', ['phone', 'letter', 'in_person']],
    ['operator', ['phone']],
    ['leader', []],
    ['citizen', []],
  ]);

  itMapsEachEqual('%j is the list %j', splitContacts, [
    ['0901234567', ['0901234567']],
    ['0901234567, 0912345678', ['0901234567', '0912345678']],
    ['a@example.vn\nB@example.vn;\n\n a@EXAMPLE.vn ', ['a@example.vn', 'B@example.vn']],
    ['  ,\n;', []],
    ['', []],
  ]);

  itMapsEachEqual('%j still needs %j', missingFields, [
    [FILLED, []],
    [{ ...FILLED, phones: '', emails: 'a@example.vn' }, []],
    [{ ...FILLED, phones: ' , ' }, ['phones']],
    [{ ...FILLED, identityCheck: '  ' }, ['identityCheck']],
    [{ ...FILLED, phones: '', reason: '', identityCheck: '' }, ['phones', 'identityCheck', 'reason']],
  ]);
});
