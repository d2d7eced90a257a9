import { Injectable } from '@nestjs/common';
import { GeoService } from '../geo/geo.service';
import { addressParts, addressQueries, pickWard, WardHit } from './address-match';
import { Open311Exception } from './open311.exception';

const HITS_PER_QUERY = 20;

/**
 * Places a request that came with an address only. Without a street geocoder the best honest
 * answer is the ward: its label point puts the report in the right People's Committee's queue,
 * and the address text travels with the report for the officer to find the spot.
 */
@Injectable()
export class Open311LocationService {
  constructor(private readonly geo: GeoService) {}

  async pointOfAddress(address: string): Promise<{ lat: number; lng: number; ward: WardHit }> {
    const parts = addressParts(address);
    const hits: WardHit[] = [];
    for (const query of addressQueries(parts)) hits.push(...(await this.geo.search(query, HITS_PER_QUERY)));
    const match = pickWard(parts, hits);
    if (match.kind === 'none') throw Open311Exception.addressNotFound(address, match.suggestions);
    if (match.kind === 'ambiguous')
      throw Open311Exception.ambiguousAddress(
        address,
        match.wards.map((w) => w.name),
      );
    return { lat: match.ward.lat, lng: match.ward.lng, ward: match.ward };
  }
}
