import { describe } from 'vitest';
import { itMapsEach, itMapsEachEqual } from '../testing/table';
import { holdsNothing, personalFields, valueText } from './heldData';

describe('what the page shows of the data held', () => {
  itMapsEachEqual('the personal values %j show as %j', personalFields, [
    [
      { reporter_name: 'Nguyễn Văn A', reporter_phone: '0901234567', reporter_email: null, description: 'Ngập sâu' },
      [
        { column: 'reporter_name', label: 'name', text: 'Nguyễn Văn A' },
        { column: 'reporter_phone', label: 'phone', text: '0901234567' },
        { column: 'description', label: 'description', text: 'Ngập sâu' },
      ],
    ],
    [
      { point: { type: 'Point', coordinates: [106.698, 10.7725] }, point_3857: { type: 'Point', coordinates: [1, 2] } },
      [{ column: 'point', label: 'point', text: '10.7725, 106.698' }],
    ],
    [
      { attributes: { depth_cm: 40 }, extra_column: 'x' },
      [
        { column: 'attributes', label: 'attributes', text: 'depth_cm: 40' },
        { column: 'extra_column', label: null, text: 'x' },
      ],
    ],
    // What erasure leaves: nothing to show.
    [{ reporter_name: null, reporter_phone: '', attributes: {}, note: '   ' }, []],
  ]);

  itMapsEach('%j reads %j', valueText, [
    ['text', 'text'],
    [42, '42'],
    [true, 'true'],
    [['a', 'b'], '["a","b"]'],
    [{ depth: '20-50cm', cause: ['mua', 'trieu'] }, 'depth: 20-50cm\ncause: ["mua","trieu"]'],
  ]);

  itMapsEach('%j holds nothing: %s', holdsNothing, [
    [{ reports: [], callerRecords: [], notifications: [] }, true],
    [{ reports: [{}], callerRecords: [], notifications: [] }, false],
    [{ reports: [], callerRecords: [{}], notifications: [] }, false],
    [{ reports: [], callerRecords: [], notifications: [{}] }, false],
  ]);
});
