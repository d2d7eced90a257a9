import net from 'node:net';

/**
 * The unit tier's guard: a unit spec that opens a TCP connection (PostgreSQL, Redis, any server)
 * fails at once with the address instead of waiting for a timeout or passing only where the
 * services run. Such a spec belongs to the integration tier (`*.int-spec.ts`).
 */
const connect = net.Socket.prototype.connect;

function target(args: unknown[]): string | null {
  const [first, second] = args;
  if (typeof first === 'object' && first !== null && !Array.isArray(first)) {
    const options = first as { port?: unknown; host?: unknown; path?: unknown };
    if (options.path !== undefined && options.port === undefined) return null;
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a host or port of another type is printed as it comes
    return `${String(options.host ?? 'localhost')}:${String(options.port)}`;
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return `${typeof second === 'string' ? second : 'localhost'}:${first}`;
  }
  // connect(path): a Unix socket, not the network.
  return null;
}

net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const address = target(Array.isArray(args[0]) ? (args[0] as unknown[]) : args);
  if (address !== null) {
    throw new Error(
      `a unit spec opened a TCP connection to ${address}: a spec that needs a service is an integration spec (*.int-spec.ts)`,
    );
  }
  return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
};

afterAll(() => {
  // The integration tier may run in the same process after this file (jest projects, --runInBand).
  net.Socket.prototype.connect = connect;
});
