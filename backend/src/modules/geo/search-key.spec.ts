import { searchKey } from './search-key';
import { itMapsEach } from '../../testing/table';

describe('searchKey', () => {
  itMapsEach('%s → %s', searchKey, [
    ['Phường 7, Quận 5', 'phuong 7 quan 5'],
    ['phuong 7 quan 5', 'phuong 7 quan 5'],
    ['P.7 Q.5', 'phuong 7 quan 5'],
    ['p7, q5', 'phuong 7 quan 5'],
    ['Bến Thành', 'ben thanh'],
    ['  ĐỨC   NHUẬN ', 'duc nhuan'],
    ['Xã Bình Chánh', 'xa binh chanh'],
    ['Thủ Dầu Một', 'thu dau mot'],
  ]);
});
