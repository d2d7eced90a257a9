import { DomainException, ErrorCodeOf, errorCodes } from '../../engine/errors/domain.exception';
import { tileProblem } from '../geo/geo.exception';

export const MapsErrorCode = errorCodes('maps', ['invalid_tile', 'bad_period', 'too_many_streams']);
export type MapsErrorCode = ErrorCodeOf<typeof MapsErrorCode>;

export class MapsException extends DomainException {
  static invalidTile(z: number, x: number, y: number): MapsException {
    return new MapsException('validation', MapsErrorCode.InvalidTile, tileProblem(z, x, y));
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
