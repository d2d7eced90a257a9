import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { GeoException } from './geo.exception';
import type { WardSearchHit } from './geo.dto';
import { GeoRepository, LocatedWard } from './geo.repository';
import { searchKey } from './search-key';
import { Clock, CLOCK } from '../../engine/clock/clock';

export interface CachedDocument {
  body: string;
  etag: string;
}

// Boundaries change by decree, a few times a decade; a short cache keeps every replica current
// within a minute of an import without a query per map load.
const WARDS_TTL_MS = 60_000;
export const MAX_TILE_ZOOM = 22;

@Injectable()
export class GeoService {
  private wards: { doc: CachedDocument; at: number } | null = null;

  constructor(
    private readonly geo: GeoRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async currentWards(): Promise<CachedDocument> {
    if (this.wards && this.clock.now().getTime() - this.wards.at < WARDS_TTL_MS) return this.wards.doc;
    const body = await this.geo.currentWardsGeoJson();
    const doc = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
    this.wards = { doc, at: this.clock.now().getTime() };
    return doc;
  }

  /** The current unit containing the point; GeoException.outsideCity when there is none. */
  async locate(lat: number, lng: number): Promise<LocatedWard> {
    const ward = await this.geo.locate(lng, lat);
    if (!ward) throw GeoException.outsideCity(lat, lng);
    return ward;
  }

  async search(query: string, limit: number): Promise<WardSearchHit[]> {
    const key = searchKey(query);
    return key.length < 2 ? [] : this.geo.search(key, limit);
  }

  basemapTile(z: number, x: number, y: number): Promise<Buffer> {
    if (!isTile(z, x, y)) throw GeoException.invalidTile(z, x, y);
    return this.geo.basemapTile(z, x, y);
  }
}

export function isTile(z: number, x: number, y: number): boolean {
  if (![z, x, y].every(Number.isInteger) || z < 0 || z > MAX_TILE_ZOOM) return false;
  const n = 2 ** z;
  return x >= 0 && y >= 0 && x < n && y < n;
}
