import { DomainException } from '../../engine/errors/domain.exception';

export enum MapsErrorCode {
  InvalidTile = 'maps.invalid_tile',
  BadPeriod = 'maps.bad_period',
}

export class MapsException extends DomainException {
  static invalidTile(z: number, x: number, y: number): MapsException {
    return new MapsException('validation', MapsErrorCode.InvalidTile, `No tile ${z}/${x}/${y}: z must be 0–22 and x, y within 0…2^z−1`);
  }

  static badPeriod(from: Date, to: Date): MapsException {
    return new MapsException('validation', MapsErrorCode.BadPeriod, `The period ${from.toISOString()} – ${to.toISOString()} must run forwards and span at most 366 days`);
  }
}
