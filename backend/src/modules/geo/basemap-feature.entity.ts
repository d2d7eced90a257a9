import { Column, Entity, Index } from 'typeorm';
import { BigintPrimaryColumn } from '../../engine/database/columns';
import type { Geometry } from 'geojson';

/** Offline basemap (OSM water and roads) stored in web-mercator, ready for ST_AsMVT. */
@Entity('basemap_feature')
export class BasemapFeatureEntity {
  @BigintPrimaryColumn()
  id: string;

  @Column({ type: 'text' })
  layer: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  props: Record<string, unknown>;

  @Index('ix_basemap_feature_geom', { spatial: true })
  @Column({ type: 'geometry', spatialFeatureType: 'Geometry', srid: 3857 })
  geom: Geometry;
}
