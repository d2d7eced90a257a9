import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { QueryResult } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { pgPool } from '../database/prepared-query';
import { OUTBOX_CHANNEL, OutboxMessage } from './outbox-topics';

@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private notifying = false;
  private notifyAgain = false;

  /**
   * Wakes the relays now (fire and forget). Callers use it after their commit; a NOTIFY inside a
   * transaction would hold PostgreSQL's notify lock until commit and serialise the writers.
   * One NOTIFY at a time: calls made while one is on its way are served by a single next one,
   * sent as soon as it returns (under load, one wake-up for many reports, none later than now).
   */
  notify(): void {
    if (this.notifying) {
      this.notifyAgain = true;
      return;
    }
    this.notifying = true;
    void this.db
      .query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL])
      .catch(() => undefined)
      .finally(() => {
        this.notifying = false;
        if (this.notifyAgain) {
          this.notifyAgain = false;
          this.notify();
        }
      });
  }

  /** Writes a message inside the caller's transaction; NOTIFY is delivered only if it commits. */
  async enqueue(manager: EntityManager, topic: string, aggregateId: string, payload: Record<string, unknown> = {}): Promise<void> {
    await manager.query(`INSERT INTO outbox (topic, aggregate_id, payload) VALUES ($1, $2, $3)`, [topic, aggregateId, payload]);
    await manager.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
  }

  /** Several messages of one topic in one statement, with one NOTIFY. */
  async enqueueMany(manager: EntityManager, topic: string, aggregateIds: string[]): Promise<void> {
    if (aggregateIds.length === 0) return;
    await manager.query(`INSERT INTO outbox (topic, aggregate_id) SELECT $1, unnest($2::text[])`, [topic, aggregateIds]);
    await manager.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
  }

  /**
   * Claims a batch of pending messages, lets `publish` hand them on, and stamps the ones it
   * published — all in one transaction, so two relays never publish the same row twice at once
   * (SKIP LOCKED) and a crash before commit simply leaves the rows pending. Two round trips a
   * pass (BEGIN with the claim, the stamps with COMMIT): the relay runs a pass for every few
   * reports under load, and each round trip costs both processes a wake-up.
   */
  async relayBatch(
    limit: number,
    publish: (batch: OutboxMessage[]) => Promise<{ published: string[]; failed: { id: string; error: string }[] }>,
  ): Promise<number> {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`relay batch limit must be a positive integer, got ${limit}`);
    const client = await pgPool(this.db).connect();
    let inTransaction = false;
    let broken: Error | undefined;
    try {
      inTransaction = true;
      const [, claimed] = (await client.query(
        `BEGIN; SELECT id, topic, aggregate_id, payload FROM outbox
          WHERE published_at IS NULL ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`,
      )) as unknown as QueryResult<{ id: string; topic: string; aggregate_id: string; payload: Record<string, unknown> }>[];
      const rows = claimed.rows;
      const { published, failed } = rows.length
        ? await publish(rows.map((r) => ({ id: r.id, topic: r.topic, aggregateId: r.aggregate_id, payload: r.payload })))
        : { published: [], failed: [] };
      for (const f of failed) {
        await client.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [f.id, f.error.slice(0, 1000)]);
      }
      // Ids are bigint text read from the table just now: safe to write into the statement.
      const stamp = published.length
        ? `UPDATE outbox SET published_at = now(), attempts = attempts + 1 WHERE id = ANY('{${published.filter((id) => /^\d+$/.test(id)).join(',')}}'::bigint[]); `
        : '';
      await client.query(`${stamp}COMMIT`);
      inTransaction = false;
      return published.length;
    } catch (err) {
      if (inTransaction) await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      throw err;
    } finally {
      client.release(broken);
    }
  }

  async pendingCount(): Promise<number> {
    const rows = await this.db.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`);
    return rows[0].n;
  }
}
