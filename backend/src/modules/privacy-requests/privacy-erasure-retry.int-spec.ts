import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { ConfigModule } from '../../engine/config/config.module';
import { DatabaseModule } from '../../engine/database/database.module';
import { runJob } from '../../engine/queue/queue-jobs';
import { QueueName } from '../../engine/queue/queue-name';
import { QueueModule } from '../../engine/queue/queue.module';
import { RedisModule } from '../../engine/redis/redis.module';
import { createTestHttpAppWithDb } from '../../testing/http-app';
import { callApi } from '../../testing/http-client';
import { setEnv } from '../../testing/process-env';
import { PersonalDataErasureService } from '../privacy/erasure/personal-data-erasure.service';
import { PrivacyRequestsWorkerModule } from './privacy-requests-worker.module';
import { PrivacyRequestsProcessor } from './privacy-requests.processor';

const OPEN = 'client=1000000/60,global=1000000/60,user=1000000/60';
const stamp = `${Date.now()}`.slice(-8);
const letters = stamp.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);
const PERSON = { name: `Gián Đoạn ${letters} Hà`, phone: `096${stamp.slice(0, 7)}`, email: `gian.doan.${letters}@example.com` };

/**
 * An erasure survives a crash: the worker dies after the erasure committed but before the request
 * was marked completed; the job fails, the request stays open with its subject fixed, and the
 * sweep completes it — the erasure runs again harmlessly and the request is completed once.
 */
describe('privacy: an interrupted erasure is taken again by the sweep (real PostgreSQL, worker job)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let worker: INestApplicationContext;
  let restoreEnv: () => void;

  beforeAll(async () => {
    restoreEnv = setEnv({ RATE_LIMIT_PRIVACY_ACCESS: OPEN });
    ({ app, db } = await createTestHttpAppWithDb());
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule, DatabaseModule, RedisModule, QueueModule, PrivacyRequestsWorkerModule],
    }).compile();
    worker = await moduleRef.init();
  });
  afterAll(async () => {
    await worker?.close();
    await app?.close();
    restoreEnv?.();
  });

  it('fails the job, keeps the request open with its subject, and the sweep completes it once', async () => {
    const filed = await callApi(app, 'POST', '/api/v1/reports', undefined, {
      category: 'pothole',
      lat: 10.7791,
      lng: 106.6958,
      description: `Ổ gà, báo bởi ${PERSON.name}`,
      reporter: PERSON,
      consent: true,
    });
    expect(filed.status).toBe(201);
    const granted = await callApi(app, 'POST', '/api/v1/privacy/access', undefined, {
      trackingCode: filed.body.code,
      secret: filed.body.reporterSecret,
    });
    const asked = await callApi(
      app,
      'POST',
      '/api/v1/privacy/erasure-requests',
      undefined,
      { confirm: true },
      {
        'x-privacy-access': granted.body.accessToken,
      },
    );
    expect(asked.status).toBe(202);
    const id = asked.body.requestId;

    // The worker "dies" right after the first erasure committed.
    const eraser = worker.get(PersonalDataErasureService);
    const real = eraser.eraseSubject.bind(eraser);
    // The calls for this request (the sweep also takes other open requests of the shared database).
    const subjects: unknown[] = [];
    eraser.eraseSubject = async (subject, context) => {
      if (context.requestId !== id) return real(subject, context);
      subjects.push(subject);
      const outcome = await real(subject, context);
      if (subjects.length === 1) throw new Error('worker lost after the erasure');
      return outcome;
    };
    const processor = worker.get(PrivacyRequestsProcessor);
    const job = { name: 'execute-erasure', id: `erasure-${id}`, data: { id } } as Job;
    await expect(runJob(processor, QueueName.PrivacyRequests, job)).rejects.toThrow('worker lost');

    const open = await db.query(`SELECT status, subject_report_ids, handled_at FROM privacy_request WHERE id = $1`, [id]);
    expect(open).toEqual([{ status: 'in_progress', subject_report_ids: [filed.body.id], handled_at: null }]);
    const erased = await db.query(`SELECT reporter_name, reporter_phone, reporter_email FROM report WHERE id = $1`, [filed.body.id]);
    expect(erased).toEqual([{ reporter_name: null, reporter_phone: null, reporter_email: null }]);

    const swept = (await runJob(processor, QueueName.PrivacyRequests, { name: 'sweep-erasures', data: {} } as Job)) as {
      completed: number;
    };
    expect(swept.completed).toBeGreaterThanOrEqual(1);
    // The second run erased the same subject (fixed at the start), and found nothing left.
    expect(subjects).toHaveLength(2);
    expect(subjects[1]).toEqual(subjects[0]);
    const done = await db.query(
      `SELECT status, subject_phones, subject_emails, subject_names, outcome FROM privacy_request WHERE id = $1`,
      [id],
    );
    expect(done[0]).toMatchObject({ status: 'completed', subject_phones: [], subject_emails: [], subject_names: null });
    expect(done[0].outcome).toMatchObject({ fieldsBlanked: 0, photosDeleted: 0 });
    const completions = await db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE type = 'privacy_request_completed' AND subject = $1`,
      [`privacy_request:${id}`],
    );
    expect(completions[0].n).toBe(1);
    // A late duplicate of the job finds it completed and changes nothing.
    expect(await runJob(processor, QueueName.PrivacyRequests, job)).toEqual({ status: 'completed' });
    expect(subjects).toHaveLength(2);
  });
});
