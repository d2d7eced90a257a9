import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { UnitView } from './units.dto';

@Injectable()
export class UnitsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  active(): Promise<UnitView[]> {
    return this.db.query(
      `SELECT id, code, name, name_en AS "nameEn", kind::text AS kind, admin_unit_code AS "wardCode", parent_id AS "parentId"
         FROM handling_unit WHERE active ORDER BY kind <> 'city', kind, name`,
    );
  }
}
