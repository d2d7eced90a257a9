import { QueryFailedError } from 'typeorm';
import { REDACTED as R } from '../privacy/redact-personal-text';
import { loggableError } from './loggable-error';

/** An error as node-postgres raises it, with PostgreSQL's fields. */
const pgError = (message: string, fields: Record<string, string>) => Object.assign(new Error(message), { name: 'error', ...fields });

const FAILING_ROW = 'Failing row contains (7b1e…, Ổ gà, Nguyễn Văn An, 0901234567, an.nguyen@example.vn, web).';

describe('loggableError', () => {
  it.each([
    [
      'a check violation: the failing row is left out',
      pgError('new row for relation "report" violates check constraint "report_channel_check"', {
        code: '23514',
        detail: FAILING_ROW,
        table: 'report',
        constraint: 'report_channel_check',
        schema: 'public',
      }),
      {
        type: 'Error',
        message: 'new row for relation "report" violates check constraint "report_channel_check"',
        code: '23514',
        table: 'report',
        constraint: 'report_channel_check',
      },
    ],
    [
      'a refused value quoted at the end of the message',
      pgError('invalid input syntax for type uuid: "Nguyễn Văn An"', { code: '22P02', where: "unnamed portal parameter $3 = '...'" }),
      { type: 'Error', message: `invalid input syntax for type uuid: "${R}"`, code: '22P02' },
    ],
    [
      'TypeORM: the statement and its parameters are left out',
      new QueryFailedError(
        'INSERT INTO report (…) VALUES ($1, $2)',
        ['Nguyễn Văn An', '0901234567'],
        pgError('null value in column "code" violates not-null constraint', { code: '23502', column: 'code', detail: FAILING_ROW }),
      ),
      { type: 'QueryFailedError', message: 'null value in column "code" violates not-null constraint', code: '23502', column: 'code' },
    ],
    [
      'numbers and addresses in a message',
      new Error('cannot reach 0901234567 or an@example.vn'),
      { type: 'Error', message: `cannot reach ${R} or ${R}` },
    ],
    ['something thrown that is not an error', 'Nguyễn Văn An', { type: 'string', message: R }],
  ])('%s', (_case, err, expected) => {
    const { stack, ...rest } = loggableError(err);
    expect(rest).toEqual(expected);
    expect(JSON.stringify(stack ?? '')).not.toMatch(/Nguyễn|0901234567|an\.nguyen|Failing row/);
  });

  it('keeps the stack frames, under the masked message', () => {
    const { stack } = loggableError(new Error('mail to an@example.vn failed'));
    expect(stack?.split('\n')[0]).toBe(`Error: mail to ${R} failed`);
    expect(stack?.split('\n')[1]).toMatch(/^\s+at /);
  });
});
