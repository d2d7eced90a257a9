import { describe, expect, it } from 'vitest';
import { buildReportBody, phoneError, validateDraft, type CallDraft } from './callBody';
import type { Category } from '../api/intakeQueries';

const POTHOLE: Category = {
  code: 'pothole',
  nameVi: 'Ổ gà',
  nameEn: 'Pothole',
  groupCode: 'infra',
  groupVi: 'Hạ tầng',
  groupEn: 'Infrastructure',
  hintVi: '',
  hintEn: '',
  defaultPriority: 'normal',
  handlingLevel: 'ward',
  isPublic: true,
  attributes: [
    { code: 'depth_cm', datatype: 'number', required: true, description: 'Độ sâu', descriptionEn: 'Depth', order: 1 },
    { code: 'lanes', datatype: 'multivaluelist', required: false, description: 'Làn', descriptionEn: 'Lanes', order: 2 },
    { code: 'note', datatype: 'string', required: false, description: 'Ghi chú', descriptionEn: 'Note', order: 3 },
  ],
};

const DRAFT: CallDraft = {
  phone: '090 123 4567',
  callerName: '  Nguyễn Văn A ',
  hideIdentity: false,
  category: POTHOLE,
  answers: { depth_cm: '12,5', lanes: [], note: '  ' },
  pin: { lat: 10.7721, lng: 106.6983 },
  address: ' 12 Lê Lợi ',
  description: '  Ổ gà lớn giữa đường  ',
};

describe('phoneError', () => {
  it.each([
    ['', { phone: { key: 'phoneRequired' } }],
    ['   ', { phone: { key: 'phoneRequired' } }],
    ['12345', { phone: { key: 'phoneInvalid' } }],
    ['0901234567', {}],
  ])('%j → %j', (phone, errors) => {
    expect(phoneError(phone)).toEqual(errors);
  });
});

describe('validateDraft', () => {
  it.each<[string, Partial<CallDraft>, string[]]>([
    ['a complete draft', {}, []],
    ['no category', { category: null }, ['category']],
    ['a required answer missing', { answers: {} }, ['attribute:depth_cm']],
    ['a required answer blank', { answers: { depth_cm: ' ' } }, ['attribute:depth_cm']],
    ['no pin', { pin: null }, ['location']],
    ['a short description', { description: ' abcd ' }, ['description']],
    ['everything missing', { phone: '', category: null, pin: null, description: '' }, ['phone', 'category', 'location', 'description']],
  ])('%s', (_, change, fields) => {
    expect(Object.keys(validateDraft({ ...DRAFT, ...change }))).toEqual(fields);
  });
});

describe('buildReportBody', () => {
  it('sends what was typed, trimmed, the phone in its stored form and the number with a decimal point', () => {
    expect(buildReportBody(DRAFT)).toEqual({
      category: 'pothole',
      lat: 10.7721,
      lng: 106.6983,
      description: 'Ổ gà lớn giữa đường',
      address: '12 Lê Lợi',
      channel: 'phone',
      reporter: { name: 'Nguyễn Văn A', phone: '0901234567', hideIdentity: false },
      attributes: { depth_cm: 12.5 },
    });
  });

  it('leaves out an empty name, address and attributes', () => {
    const body = buildReportBody({ ...DRAFT, callerName: ' ', address: '', answers: {}, hideIdentity: true, phone: '+84 90 123 4567' });
    expect(body).toEqual({
      category: 'pothole',
      lat: 10.7721,
      lng: 106.6983,
      description: 'Ổ gà lớn giữa đường',
      channel: 'phone',
      reporter: { phone: '0901234567', hideIdentity: true },
    });
  });

  it('refuses a draft without a category or a pin', () => {
    expect(() => buildReportBody({ ...DRAFT, pin: null })).toThrow(/category and a pin/);
    expect(() => buildReportBody({ ...DRAFT, category: null })).toThrow(/category and a pin/);
  });
});
