import { parseTimerJobId, SLA_STAGES, timerJobId } from './sla-stages';

describe('timer job ids', () => {
  it.each(
    SLA_STAGES.flatMap(
      (s) =>
        [
          ['1', s.name],
          ['9007199254740', s.name],
        ] as const,
    ),
  )('round-trips clock %s stage %s', (clockId, stage) => {
    const jobId = timerJobId(clockId, stage);
    expect(jobId.split(':')).toHaveLength(3);
    expect(jobId.length).toBeLessThanOrEqual(22);
    expect(parseTimerJobId(jobId)).toEqual({ clockId, stage });
  });

  it.each(['sla:x:b', 'sla:12:nope', 'sla:12', 'other:12:b', 'sla:-1:b'])('rejects %s', (jobId) => {
    expect(parseTimerJobId(jobId)).toBeNull();
  });
});
