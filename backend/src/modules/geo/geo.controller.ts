import { Controller, Get, Header, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Public } from '../../engine/http/public.decorator';
import { text } from '../../engine/http/text.schema';
import { LocatedPoint, locatedPointSchema, wardsCollectionSchema, WardSearchHit, wardSearchHitSchema } from './geo.dto';
import { GeoService } from './geo.service';

const tileParams = z.object({
  z: z.coerce.number().int(),
  x: z.coerce.number().int(),
  y: z.coerce.number().int(),
});

const searchQuery = z.object({
  q: text(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
const pointQuery = z.object({
  lat: z.coerce.number().finite().min(-90).max(90),
  lng: z.coerce.number().finite().min(-180).max(180),
});

@ApiTags('geo')
@Public()
@Controller('api/v1')
export class GeoController {
  constructor(private readonly geo: GeoService) {}

  @Get('geo/wards')
  @ApiOkResponse({
    standardSchema: wardsCollectionSchema,
    description: 'GeoJSON FeatureCollection of the 168 current wards/communes with code and name',
  })
  async wards(@Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const doc = await this.geo.currentWards();
    void reply.header('etag', doc.etag).header('cache-control', 'public, max-age=60');
    if (ifNoneMatch === doc.etag) return void reply.status(304).send();
    void reply.header('content-type', 'application/geo+json; charset=utf-8').send(doc.body);
  }

  @Get('geo/search')
  @ApiOkResponse({ standardSchema: z.array(wardSearchHitSchema) })
  search(@Query({ schema: searchQuery }) q: z.infer<typeof searchQuery>): Promise<WardSearchHit[]> {
    return this.geo.search(q.q, q.limit);
  }

  @Get('geo/locate')
  @ApiOkResponse({ standardSchema: locatedPointSchema, description: 'The current unit containing the point; 422 outside the city' })
  async locate(@Query({ schema: pointQuery }) q: z.infer<typeof pointQuery>): Promise<LocatedPoint> {
    const ward = await this.geo.locate(q.lat, q.lng);
    return { ward: { code: ward.code, name: ward.name } };
  }

  @Get('tiles/basemap/:z/:x/:y.mvt')
  @ApiProduces('application/vnd.mapbox-vector-tile')
  @Header('content-type', 'application/vnd.mapbox-vector-tile')
  @Header('cache-control', 'public, max-age=3600')
  async basemapTile(@Param({ schema: tileParams }) p: z.infer<typeof tileParams>, @Res() reply: FastifyReply): Promise<void> {
    const tile = await this.geo.basemapTile(p.z, p.x, p.y);
    void reply.send(tile);
  }
}
