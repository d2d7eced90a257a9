import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * DESIGN.md, category model: `exactPublicPoint` marks a problem in a public place (a pothole, a
 * street light) whose point public surfaces may show as filed; every other report's point is
 * snapped to the public grid there, and so is any report whose reporter hid their identity. The
 * seeded public-place categories get the flag here for databases seeded before it existed.
 */
export class CategoryExactPublicPoint1764892800000 implements MigrationInterface {
  name = 'CategoryExactPublicPoint1764892800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE category ADD COLUMN exact_public_point boolean NOT NULL DEFAULT false`);
    await q.query(
      `UPDATE category SET exact_public_point = true
        WHERE code IN ('pothole', 'road-damage', 'traffic-light', 'bus-stop', 'flooding', 'drainage-blocked', 'manhole-cover',
                       'street-light', 'canal-garbage', 'fallen-tree', 'park-damage')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE category DROP COLUMN exact_public_point`);
  }
}
