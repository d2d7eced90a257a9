import { REDACTED as R, redactPersonalText } from './redact-personal-text';
import { itMapsEach } from '../../testing/table';

describe('redactPersonalText', () => {
  itMapsEach('%j → %j', redactPersonalText, [
    // Mobile numbers
    ['Gọi tôi 0901234567 nhé', `Gọi tôi ${R} nhé`],
    ['số 0901 234 567 của chị Lan', `số ${R} của chị Lan`],
    ['liên lạc 090.123.4567', `liên lạc ${R}`],
    ['máy 0912-345-678', `máy ${R}`],
    ['SĐT: +84 901 234 567.', `SĐT: ${R}.`],
    ['(+84) 912345678 gọi giúp', `${R} gọi giúp`],
    ['84901234567', R],
    ['+84901234567', R],
    ['số cũ 01689123456', `số cũ ${R}`],
    ['Viettel 0367.123.456, Mobi 0779 123 456', `Viettel ${R}, Mobi ${R}`],
    // Landlines
    ['(028) 3829 1234', R],
    ['028.3829.1234 phường', `${R} phường`],
    ['Văn phòng 02838291234', `Văn phòng ${R}`],
    ['+84 28 3829 1234', R],
    ['ĐT Bình Dương 0274 3822 123', `ĐT Bình Dương ${R}`],
    // Numbers announced by a word
    ['SĐT 38291234', `SĐT ${R}`],
    ['Zalo: 909 123 456', `Zalo: ${R}`],
    ['điện thoại 3829.1234 gặp anh Tú', `điện thoại ${R} gặp anh Tú`],
    ['liên hệ 0901234567', `liên hệ ${R}`],
    // E-mail addresses
    ['email an.nguyen@example.vn giúp', `email ${R} giúp`],
    ['gửi về nguyễn.an+1022@gmail.com.', `gửi về ${R}.`],
    // National ID numbers
    ['CCCD 079201001234 của tôi', `CCCD ${R} của tôi`],
    ['căn cước 079 201 001 234', `căn cước ${R}`],
    ['CMND 025123456 cấp năm 2010', `CMND ${R} cấp năm 2010`],
    // Vehicle plates
    ['xe 51F-123.45 đậu trên vỉa hè', `xe ${R} đậu trên vỉa hè`],
    ['xe máy 59-X1 234.56 chạy ngược chiều', `xe máy ${R} chạy ngược chiều`],
    ['ô tô 51A12345 đỗ sai', `ô tô ${R} đỗ sai`],
    ['biển số 51A-1234 (biển cũ)', `biển số ${R} (biển cũ)`],
    ['xe 29LD-123.45 và 51K1-678.90', `xe ${R} và ${R}`],
    ['biển 51f-123.45', `biển ${R}`],
    // Several at once
    ['Xe 51F-123.45, chủ xe 0901234567, email a@b.vn', `Xe ${R}, chủ xe ${R}, email ${R}`],
  ]);

  it.each([
    ['a house number and alley', 'Ổ gà trước số nhà 123/45 Lê Lợi, sâu 30 cm'],
    ['a date and a time', 'Ngày 21/11/2026 lúc 08:30'],
    ['a date with dots', 'từ 01.02.2026 đến 15.03.2026'],
    ['a lamp-post number', 'trụ đèn số 0123'],
    ['a sum of money with dots', 'phạt 12.500.000 đồng'],
    ['a sum of money without separators', 'tiền cọc 150000000 đồng'],
    ['a sum in VND', 'giá 250000000 VND'],
    ['the city hotline', 'Gọi 1022 hoặc 1900 1234 5'],
    ['a tracking code', 'Mã HCM-261121-ABCDEF'],
    ['a dossier code', 'Hồ sơ 000.00.00.H29-240101-0001'],
    ['a ward and road name', 'Phường 7, Quận 5, đường 3 Tháng 2'],
    ['a year range', 'năm 2019-2020'],
    ['measurements', 'vũng nước 2x3 m, sâu 15cm, dài 120 m'],
    ['a Vietnamese sentence', 'Đèn đường hỏng ở hẻm 51 Nguyễn Trãi'],
    ['a UUID', 'Rác chất đống đầu hẻm 98e0b40d-35f3-4715-9c17-faf89b948040'],
    ['a dash-joined reference', 'số hiệu AB-51F12345-2026'],
  ])('keeps %s', (_what, text) => {
    expect(redactPersonalText(text)).toBe(text);
  });
});
