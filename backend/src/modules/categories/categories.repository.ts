import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CategoryView } from './categories.dto';

@Injectable()
export class CategoriesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  active(): Promise<CategoryView[]> {
    return this.db.query(
      `SELECT code, name_vi AS "nameVi", name_en AS "nameEn", group_code AS "groupCode", group_vi AS "groupVi",
              group_en AS "groupEn", hint_vi AS "hintVi", hint_en AS "hintEn", default_priority AS "defaultPriority",
              handling_level AS "handlingLevel", is_public AS "isPublic", attributes
         FROM category WHERE active
        ORDER BY (SELECT min(c2.sort_order) FROM category c2 WHERE c2.group_code = category.group_code), group_code, sort_order, code`,
    );
  }
}
