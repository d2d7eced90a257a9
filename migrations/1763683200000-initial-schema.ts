import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first schema: geography (versioned administrative units and their lineage), who handles
 * what (handling units, categories, routing rules), people (users), and the reports with their
 * append-only timeline, attachments and the transactional outbox.
 */
export class InitialSchema1763683200000 implements MigrationInterface {
  name = 'InitialSchema1763683200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS postgis`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);

    // unaccent() is only STABLE (it depends on the search path's dictionary); pinning the
    // dictionary makes an IMMUTABLE wrapper usable in indexes and generated search keys.
    await q.query(`
      CREATE FUNCTION f_search_key(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, replace(replace($1, 'đ', 'd'), 'Đ', 'D'))) $$`);

    await q.query(`CREATE TYPE admin_unit_kind AS ENUM ('phuong', 'xa', 'dac_khu', 'thi_tran')`);
    await q.query(`
      CREATE TABLE admin_unit (
        id            bigserial PRIMARY KEY,
        code          varchar(5) NOT NULL,
        name          text NOT NULL,
        short_name    text NOT NULL,
        kind          admin_unit_kind NOT NULL,
        province_code varchar(2) NOT NULL,
        district_name text,
        geom          geometry(MultiPolygon, 4326),
        label_point   geometry(Point, 4326),
        population    integer,
        area_km2      numeric(10, 2),
        valid_from    date NOT NULL,
        valid_to      date,
        source        text NOT NULL,
        CONSTRAINT uq_admin_unit_code_version UNIQUE (code, valid_from),
        CONSTRAINT ck_admin_unit_validity CHECK (valid_to IS NULL OR valid_to > valid_from)
      )`);
    await q.query(`CREATE INDEX ix_admin_unit_geom ON admin_unit USING gist (geom)`);
    await q.query(`CREATE INDEX ix_admin_unit_current ON admin_unit (code) WHERE valid_to IS NULL`);
    await q.query(
      `CREATE INDEX ix_admin_unit_search ON admin_unit USING gin (f_search_key(name || ' ' || coalesce(district_name, '')) gin_trgm_ops)`,
    );

    await q.query(`CREATE TYPE lineage_kind AS ENUM ('full', 'partial')`);
    await q.query(`
      CREATE TABLE admin_unit_lineage (
        id             bigserial PRIMARY KEY,
        old_unit_id    bigint NOT NULL REFERENCES admin_unit (id),
        new_unit_id    bigint NOT NULL REFERENCES admin_unit (id),
        kind           lineage_kind NOT NULL,
        effective_date date NOT NULL,
        CONSTRAINT uq_admin_unit_lineage UNIQUE (old_unit_id, new_unit_id)
      )`);
    await q.query(`CREATE INDEX ix_admin_unit_lineage_new ON admin_unit_lineage (new_unit_id)`);

    await q.query(`CREATE TYPE handling_unit_kind AS ENUM ('ward_committee', 'department', 'utility', 'city')`);
    await q.query(`
      CREATE TABLE handling_unit (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code             text NOT NULL,
        name             text NOT NULL,
        name_en          text NOT NULL,
        kind             handling_unit_kind NOT NULL,
        admin_unit_code  varchar(5),
        parent_id        uuid REFERENCES handling_unit (id),
        email            text,
        phone            text,
        active           boolean NOT NULL DEFAULT true,
        created_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_handling_unit_code UNIQUE (code),
        CONSTRAINT ck_handling_unit_ward CHECK ((kind = 'ward_committee') = (admin_unit_code IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_handling_unit_ward ON handling_unit (admin_unit_code) WHERE kind = 'ward_committee' AND active`);

    await q.query(`CREATE TYPE priority AS ENUM ('low', 'normal', 'high', 'urgent')`);
    await q.query(`CREATE TYPE handling_level AS ENUM ('ward', 'department')`);
    await q.query(`
      CREATE TABLE category (
        id               serial PRIMARY KEY,
        code             text NOT NULL,
        name_vi          text NOT NULL,
        name_en          text NOT NULL,
        group_code       text NOT NULL,
        group_vi         text NOT NULL,
        group_en         text NOT NULL,
        hint_vi          text NOT NULL DEFAULT '',
        hint_en          text NOT NULL DEFAULT '',
        keywords         text[] NOT NULL DEFAULT '{}',
        default_priority priority NOT NULL DEFAULT 'normal',
        handling_level   handling_level NOT NULL,
        default_unit_id  uuid REFERENCES handling_unit (id),
        attributes       jsonb NOT NULL DEFAULT '[]',
        is_public        boolean NOT NULL DEFAULT true,
        active           boolean NOT NULL DEFAULT true,
        sort_order       integer NOT NULL DEFAULT 0,
        CONSTRAINT uq_category_code UNIQUE (code),
        CONSTRAINT ck_category_department CHECK (handling_level = 'ward' OR default_unit_id IS NOT NULL)
      )`);

    await q.query(`
      CREATE TABLE routing_rule (
        id               serial PRIMARY KEY,
        category_id      integer NOT NULL REFERENCES category (id),
        admin_unit_code  varchar(5),
        handling_unit_id uuid NOT NULL REFERENCES handling_unit (id),
        valid_from       timestamptz NOT NULL DEFAULT now(),
        valid_to         timestamptz,
        note             text NOT NULL DEFAULT '',
        created_by       uuid,
        created_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_routing_rule_validity CHECK (valid_to IS NULL OR valid_to > valid_from)
      )`);
    await q.query(`CREATE INDEX ix_routing_rule_lookup ON routing_rule (category_id, admin_unit_code)`);

    await q.query(`CREATE TYPE user_role AS ENUM ('operator', 'ward_official', 'department_official', 'leader', 'admin')`);
    await q.query(`
      CREATE TABLE app_user (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username      text NOT NULL,
        password_hash text NOT NULL,
        full_name     text NOT NULL,
        role          user_role NOT NULL,
        unit_id       uuid REFERENCES handling_unit (id),
        email         text,
        phone         text,
        active        boolean NOT NULL DEFAULT true,
        created_at    timestamptz NOT NULL DEFAULT now(),
        last_login_at timestamptz,
        CONSTRAINT uq_app_user_username UNIQUE (username),
        CONSTRAINT ck_app_user_official_unit CHECK (role NOT IN ('ward_official', 'department_official') OR unit_id IS NOT NULL)
      )`);

    await q.query(`CREATE TYPE report_channel AS ENUM ('web', 'app', 'phone', 'open311', 'import')`);
    await q.query(`
      CREATE TYPE report_status AS ENUM
        ('new', 'assigned', 'in_progress', 'waiting_citizen', 'resolved', 'reopened', 'closed', 'rejected', 'merged')`);
    await q.query(`
      CREATE TABLE report (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code              text NOT NULL,
        channel           report_channel NOT NULL,
        category_id       integer NOT NULL REFERENCES category (id),
        description       text NOT NULL,
        point             geometry(Point, 4326) NOT NULL,
        point_3857        geometry(Point, 3857) NOT NULL,
        address           text,
        admin_unit_id     bigint NOT NULL REFERENCES admin_unit (id),
        ward_code         varchar(5) NOT NULL,
        assigned_unit_id  uuid REFERENCES handling_unit (id),
        status            report_status NOT NULL DEFAULT 'new',
        priority          priority NOT NULL DEFAULT 'normal',
        reporter_name     text,
        reporter_phone    text,
        reporter_email    text,
        hide_identity     boolean NOT NULL DEFAULT false,
        master_report_id  uuid REFERENCES report (id),
        follower_count    integer NOT NULL DEFAULT 0,
        version           integer NOT NULL DEFAULT 1,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        acknowledged_at   timestamptz,
        resolved_at       timestamptz,
        closed_at         timestamptz,
        CONSTRAINT uq_report_code UNIQUE (code)
      )`);
    // The 3857 copy feeds ST_AsMVT without a per-tile reprojection; a trigger keeps it in step
    // with the WGS84 point whatever writes the row (API, COPY, a repair script).
    await q.query(`
      CREATE FUNCTION report_sync_point_3857() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.point_3857 := ST_Transform(NEW.point, 3857);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_report_point_3857 BEFORE INSERT OR UPDATE OF point ON report
      FOR EACH ROW EXECUTE FUNCTION report_sync_point_3857()`);
    await q.query(`CREATE INDEX ix_report_point ON report USING gist (point)`);
    await q.query(`CREATE INDEX ix_report_point_3857 ON report USING gist (point_3857)`);
    await q.query(`CREATE INDEX ix_report_unit_status ON report (assigned_unit_id, status)`);
    await q.query(`CREATE INDEX ix_report_created_at ON report (created_at)`);
    await q.query(`CREATE INDEX ix_report_ward ON report (ward_code, created_at)`);
    await q.query(`CREATE INDEX ix_report_category ON report (category_id, created_at)`);
    await q.query(`CREATE INDEX ix_report_reporter_phone ON report (reporter_phone) WHERE reporter_phone IS NOT NULL`);

    await q.query(`
      CREATE TABLE report_event (
        id            bigserial PRIMARY KEY,
        report_id     uuid NOT NULL REFERENCES report (id),
        type          text NOT NULL,
        actor_user_id uuid REFERENCES app_user (id),
        actor_role    text,
        from_status   report_status,
        to_status     report_status,
        from_unit_id  uuid REFERENCES handling_unit (id),
        to_unit_id    uuid REFERENCES handling_unit (id),
        is_public     boolean NOT NULL DEFAULT false,
        message       text,
        data          jsonb NOT NULL DEFAULT '{}',
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_report_event_report ON report_event (report_id, id)`);
    // Invariant 6: the timeline is append-only, whoever connects.
    await q.query(`
      CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_report_event_append_only BEFORE UPDATE OR DELETE ON report_event
      FOR EACH ROW EXECUTE FUNCTION forbid_change()`);
    await q.query(`
      CREATE TRIGGER tr_report_event_no_truncate BEFORE TRUNCATE ON report_event
      FOR EACH STATEMENT EXECUTE FUNCTION forbid_change()`);

    await q.query(`CREATE TYPE attachment_kind AS ENUM ('citizen', 'resolution')`);
    await q.query(`
      CREATE TABLE attachment (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id     uuid NOT NULL REFERENCES report (id),
        event_id      bigint REFERENCES report_event (id),
        kind          attachment_kind NOT NULL,
        storage_key   text NOT NULL,
        content_type  text NOT NULL,
        size_bytes    integer NOT NULL,
        width         integer NOT NULL,
        height        integer NOT NULL,
        sha256        char(64) NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_attachment_report ON attachment (report_id)`);

    await q.query(`
      CREATE TABLE outbox (
        id            bigserial PRIMARY KEY,
        topic         text NOT NULL,
        aggregate_id  text NOT NULL,
        payload       jsonb NOT NULL DEFAULT '{}',
        created_at    timestamptz NOT NULL DEFAULT now(),
        published_at  timestamptz,
        attempts      integer NOT NULL DEFAULT 0,
        last_error    text
      )`);
    await q.query(`CREATE INDEX ix_outbox_pending ON outbox (id) WHERE published_at IS NULL`);

    await q.query(`
      CREATE TABLE basemap_feature (
        id     bigserial PRIMARY KEY,
        layer  text NOT NULL,
        props  jsonb NOT NULL DEFAULT '{}',
        geom   geometry(Geometry, 3857) NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_basemap_feature_geom ON basemap_feature USING gist (geom)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'basemap_feature',
      'outbox',
      'attachment',
      'report_event',
      'report',
      'app_user',
      'routing_rule',
      'category',
      'handling_unit',
      'admin_unit_lineage',
      'admin_unit',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS forbid_change()`);
    await q.query(`DROP FUNCTION IF EXISTS report_sync_point_3857()`);
    await q.query(`DROP FUNCTION IF EXISTS f_search_key(text)`);
    for (const type of [
      'attachment_kind',
      'report_status',
      'report_channel',
      'user_role',
      'handling_level',
      'priority',
      'handling_unit_kind',
      'lineage_kind',
      'admin_unit_kind',
    ]) {
      await q.query(`DROP TYPE IF EXISTS ${type}`);
    }
  }
}
