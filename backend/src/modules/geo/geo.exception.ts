import { DomainException, ErrorCodeOf, errorCodes } from '../../engine/errors/domain.exception';

export const GeoErrorCode = {
  ...errorCodes('geo', ['invalid_tile']),
  // Named for the caller's question ("can I file here?"); the intake and locate answers share it.
  ...errorCodes('intake', ['outside_city']),
};
export type GeoErrorCode = ErrorCodeOf<typeof GeoErrorCode>;

/** What a tile request outside the pyramid is told (basemap and report tiles alike). */
export function tileProblem(z: number, x: number, y: number): string {
  return `No tile ${z}/${x}/${y}: z must be 0–22 and x, y within 0…2^z−1`;
}

export class GeoException extends DomainException {
  static invalidTile(z: number, x: number, y: number): GeoException {
    return new GeoException('validation', GeoErrorCode.InvalidTile, tileProblem(z, x, y));
  }

  static outsideCity(lat: number, lng: number): GeoException {
    return new GeoException('unprocessable', GeoErrorCode.OutsideCity, `The point ${lat}, ${lng} is outside Ho Chi Minh City`, {
      messageVi: `Vị trí ${lat}, ${lng} nằm ngoài địa bàn Thành phố Hồ Chí Minh`,
      issues: [
        {
          field: 'lat',
          rule: 'outside_city',
          message: 'The point is outside Ho Chi Minh City',
          messageVi: 'Vị trí nằm ngoài địa bàn Thành phố Hồ Chí Minh',
        },
        {
          field: 'lng',
          rule: 'outside_city',
          message: 'The point is outside Ho Chi Minh City',
          messageVi: 'Vị trí nằm ngoài địa bàn Thành phố Hồ Chí Minh',
        },
      ],
    });
  }
}
