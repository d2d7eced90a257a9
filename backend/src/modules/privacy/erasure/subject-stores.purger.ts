import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { JobType, Queue } from 'bullmq';
import Redis from 'ioredis';
import { AppConfig } from '../../../engine/config/app-config';
import { APP_CONFIG } from '../../../engine/config/config.module';
import { PERSONAL_DATA } from '../../../engine/privacy/personal-data-registry';
import { REDIS } from '../../../engine/redis/redis.module';

// Every state a job keeps its data in; an active job is locked by its worker and is left to finish.
const KEPT_STATES: JobType[] = ['waiting', 'delayed', 'prioritized', 'waiting-children', 'failed', 'completed'];
const PAGE = 500;

/** The queues the registry lists as carrying job payloads. */
export function registeredQueues(): string[] {
  return [...new Set(PERSONAL_DATA.flatMap((e) => (e.store === 'queue' ? [e.queue] : [])))];
}

/** SCAN patterns of the registry's Redis entries that erasure deletes: the key up to its first space. */
export function erasedRedisPatterns(prefix: string): string[] {
  return PERSONAL_DATA.flatMap((e) =>
    e.store === 'redis' && e.erasure !== 'keep' ? [e.key.split(' ')[0].replaceAll('<QUEUE_PREFIX>', prefix)] : [],
  );
}

/**
 * What erasure removes outside PostgreSQL, after its transaction committed: queued jobs whose
 * payload, result or error carries one of the subject's values (jobs should carry ids only,
 * STYLE.md rule 5; this catches any that do not), and Redis keys of the registry's erased
 * entries that name or hold a value. Both only delete, so running them again is harmless.
 */
@Injectable()
export class SubjectStoresPurger {
  constructor(
    private readonly modules: ModuleRef,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Removes the jobs that carry a value; returns how many. */
  async purgeJobs(matcher: RegExp | null): Promise<number> {
    if (!matcher) return 0;
    let purged = 0;
    for (const name of registeredQueues()) {
      const queue = this.modules.get<Queue>(getQueueToken(name), { strict: false });
      // Found first, removed after: removing while paging would shift the pages.
      const found: string[] = [];
      // One state at a time: BullMQ applies a range to each state of a list separately.
      for (const state of KEPT_STATES)
        for (let start = 0; ; start += PAGE) {
          const jobs = await queue.getJobs([state], start, start + PAGE - 1, true);
          for (const job of jobs) {
            matcher.lastIndex = 0;
            if (job?.id && matcher.test(JSON.stringify([job.name, job.data, job.returnvalue, job.failedReason, job.stacktrace])))
              found.push(job.id);
          }
          if (jobs.length < PAGE) break;
        }
      for (const id of found) await queue.remove(id);
      purged += found.length;
    }
    return purged;
  }

  /** Deletes the Redis keys of erased registry entries whose name or value carries a value; returns how many. */
  async purgeKeys(matcher: RegExp | null): Promise<number> {
    if (!matcher) return 0;
    let purged = 0;
    for (const pattern of erasedRedisPatterns(this.config.redis.queuePrefix)) {
      let cursor = '0';
      do {
        const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
        cursor = next;
        for (const key of keys) {
          const type = await this.redis.type(key);
          const value =
            type === 'string' ? await this.redis.get(key) : type === 'hash' ? JSON.stringify(await this.redis.hgetall(key)) : '';
          matcher.lastIndex = 0;
          if (matcher.test(`${key} ${value ?? ''}`)) purged += await this.redis.del(key);
        }
      } while (cursor !== '0');
    }
    return purged;
  }
}
