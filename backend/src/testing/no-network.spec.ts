import net from 'node:net';
import { Client } from 'pg';

// The unit tier's guard (no-network.ts) in force: these would reach the running services otherwise.
describe('unit tier', () => {
  it.each([
    ['PostgreSQL', 5432],
    ['Redis', 6379],
  ])('cannot open a connection to %s (%i)', (_, port) => {
    expect(() => net.connect({ host: '127.0.0.1', port })).toThrow(`a unit spec opened a TCP connection to 127.0.0.1:${port}`);
  });

  it('fails a database client at once', async () => {
    const client = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await expect(client.connect()).rejects.toThrow('integration spec (*.int-spec.ts)');
  });
});
