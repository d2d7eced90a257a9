import { PinoLogger } from 'nestjs-pino';
import { symbols } from 'pino';

export interface CapturedLogs {
  lines: string[];
  text(): string;
  /** Resolves once a line matching `test` was written (at most `ms`, else rejects). */
  until(test: (line: Record<string, unknown>) => boolean, ms?: number): Promise<void>;
}

/**
 * The lines the application's production logger (nestjs-pino's root, the one the access log and
 * every Nest logger write through) writes from now on, at its most talkative, kept here instead
 * of going to stdout. Call after the application's init, which sets the root logger.
 */
export function captureAppLogs(): CapturedLogs {
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  const root = PinoLogger.root as unknown as Record<symbol, unknown> & { level: string };
  root.level = 'trace';
  root[symbols.streamSym] = {
    write: (line: string) => {
      lines.push(line);
      for (const w of waiters) w();
    },
  };
  const matches = (test: (line: Record<string, unknown>) => boolean) => parsedLines(lines).some(test);
  return {
    lines,
    text: () => lines.join(''),
    until: (test, ms = 10_000) =>
      new Promise<void>((resolve, reject) => {
        if (matches(test)) return resolve();
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no such log line within ${ms} ms`));
        }, ms);
        const check = () => {
          if (!matches(test)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      }),
  };
}

/** Parsed JSON log lines. */
export function parsedLines(lines: string[]): Record<string, unknown>[] {
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
}
