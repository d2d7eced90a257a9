import { parseTimerJobId, SLA_STAGES, timerJobId } from './sla-stages';

describe('timer job ids', () => {
  const id = '3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c';

  it.each(SLA_STAGES.flatMap((s) => [['response', 1, s.name], ['resolution', 3, s.name]] as const))('round-trips %s cycle %d %s', (kind, cycle, stage) => {
    const jobId = timerJobId(id, kind, cycle, stage);
    expect(jobId.split(':')).toHaveLength(3);
    expect(parseTimerJobId(jobId)).toEqual({ reportId: id, kind, cycle, stage });
  });

  it.each(['sla:x:resolution.1.breach', `sla:${id}:resolution.1.nope`, `sla:${id}:other.1.breach`, `${id}`])('rejects %s', (jobId) => {
    expect(parseTimerJobId(jobId)).toBeNull();
  });
});
