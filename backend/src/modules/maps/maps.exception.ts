import { DomainException } from '../../engine/errors/domain.exception';

export enum MapsErrorCode {
  InvalidTile = 'maps.invalid_tile',
  BadPeriod = 'maps.bad_period',
  TooManyStreams = 'maps.too_many_streams',
}

export class MapsException extends DomainException {
  static invalidTile(z: number, x: number, y: number): MapsException {
    return new MapsException('validation', MapsErrorCode.InvalidTile, `No tile ${z}/${x}/${y}: z must be 0–22 and x, y within 0…2^z−1`);
  }

  static tooManyStreams(limit: number, retryAfterSeconds: number): MapsException {
    return new MapsException(
      'rate_limited',
      MapsErrorCode.TooManyStreams,
      `At most ${limit} live streams may be open at once from one client; close one first`,
      {
        messageVi: `Mỗi máy chỉ được mở tối đa ${limit} luồng cập nhật trực tiếp cùng lúc; hãy đóng bớt`,
        retryAfterSeconds,
      },
    );
  }

  static badPeriod(from: Date, to: Date): MapsException {
    return new MapsException(
      'validation',
      MapsErrorCode.BadPeriod,
      `The period ${from.toISOString()} – ${to.toISOString()} must run forwards and span at most 366 days`,
    );
  }
}
