import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { databaseTrouble } from './database-unavailable';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('databaseTrouble', () => {
  it.each([
    [
      'the server shut down under the query (57P01)',
      pgError('57P01', 'terminating connection due to administrator command'),
      'unavailable',
    ],
    ['the server crashed (57P02)', pgError('57P02'), 'unavailable'],
    ['the server is starting or recovering (57P03)', pgError('57P03', 'the database system is starting up'), 'unavailable'],
    ['a connection exception (class 08)', pgError('08006'), 'unavailable'],
    ['too many connections (53300)', pgError('53300'), 'unavailable'],
    ['nobody listens on the port', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'), 'unavailable'],
    ['the socket broke', pgError('ECONNRESET'), 'unavailable'],
    ['node-postgres lost the connection', new Error('Connection terminated unexpectedly'), 'unavailable'],
    ['the pool had no connection in time', new Error('timeout exceeded when trying to connect'), 'unavailable'],
    ['a client that broke earlier', new Error('Client has encountered a connection error and is not queryable'), 'unavailable'],
    ['statement_timeout (57014)', pgError('57014', 'canceling statement due to statement timeout'), 'timeout'],
    ['lock_timeout (55P03)', pgError('55P03'), 'timeout'],
    ['a transaction whose connection broke between statements', new QueryRunnerProviderAlreadyReleasedError(), 'unavailable'],
    ['a transaction whose connection broke before its COMMIT', new QueryRunnerAlreadyReleasedError(), 'unavailable'],
    ['wrapped by TypeORM', new QueryFailedError('SELECT 1', [], pgError('57P01')), 'unavailable'],
    ['given as a cause', new Error('route failed', { cause: pgError('ECONNREFUSED') }), 'unavailable'],
    ['a unique violation is the request’s business', pgError('23505'), null],
    ['a syntax error is a bug', pgError('42601'), null],
    ['a plain error', new Error('boom'), null],
    ['not an error at all', 'text', null],
    ['nothing', undefined, null],
  ])('%s', (_, err, expected) => {
    expect(databaseTrouble(err)).toBe(expected);
  });
});
