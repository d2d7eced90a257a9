import { describe } from 'vitest';
import { itMapsEach, itMapsEachEqual } from '../testing/table';
import { holdsNothing, recordsOf, shownFields } from './heldData';

describe('what the page shows of the data held', () => {
  itMapsEachEqual('the record %j shows %j', shownFields, [
    [
      { id: 'r1', code: 'HCM-261207-7K3QXZ', name: 'Nguyễn Văn A', phone: '0901234567', hideIdentity: false, photos: [{ id: 'p' }] },
      [
        ['code', 'HCM-261207-7K3QXZ'],
        ['name', 'Nguyễn Văn A'],
        ['phone', '0901234567'],
        ['hideIdentity', false],
      ],
    ],
    [{ reportId: 'r1', email: null, message: '  ', attempts: 0 }, [['attempts', 0]]],
    [
      { paid: true, identity: 'x' },
      [
        ['paid', true],
        ['identity', 'x'],
      ],
    ],
    [null, []],
    ['text', []],
  ]);

  itMapsEachEqual('the group of %j has %j', (held: unknown) => recordsOf(held, 'reports'), [
    [{ reports: [{ code: 'A' }] }, [{ code: 'A' }]],
    [{ reports: null }, []],
    [{}, []],
    [null, []],
  ]);

  itMapsEach('%j holds nothing: %s', holdsNothing, [
    [{ reports: [], calls: [], notifications: [], photos: [], timeline: [], requests: [], generatedAt: '2026-12-08T00:00:00Z' }, true],
    [{ generatedAt: '2026-12-08T00:00:00Z' }, true],
    [{ reports: [], requests: [{ kind: 'erasure' }] }, false],
    [{ calls: [{ phone: '0901234567' }] }, false],
  ]);
});
