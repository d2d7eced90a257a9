import { DomainException } from '../../engine/errors/domain.exception';

export enum GeoErrorCode {
  InvalidTile = 'geo.invalid_tile',
}

export class GeoException extends DomainException {
  static invalidTile(z: number, x: number, y: number): GeoException {
    return new GeoException('validation', GeoErrorCode.InvalidTile, `No tile ${z}/${x}/${y}: z must be 0–22 and x, y within 0…2^z−1`);
  }
}
