import { describe, expect, it } from 'vitest';
import { foldText } from './foldText';
import { itMapsEach } from '../testing/table';

describe('foldText', () => {
  itMapsEach('%j → %j', foldText, [
    ['Ngập nước', 'ngap nuoc'],
    ['Đèn đường', 'den duong'],
    ['ĐẶC KHU CÔN ĐẢO', 'dac khu con dao'],
    ['  Phường   Bến\tThành \n', 'phuong ben thanh'],
    ['Rác thải', 'rac thai'],
    ['Xã Thạnh An', 'xa thanh an'],
    ['ngap', 'ngap'],
    ['', ''],
  ]);

  it('folds composed and decomposed forms alike', () => {
    expect(foldText('Nguyễn'.normalize('NFC'))).toBe(foldText('Nguyễn'.normalize('NFD')));
  });
});
