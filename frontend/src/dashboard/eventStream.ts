import { createParser } from 'eventsource-parser';

export type StreamStatus = 'connecting' | 'open' | 'retrying';

export interface EventStreamOptions {
  url: string;
  /** Read at every (re)connection, so a refreshed token is used; null for the public stream. */
  token(): string | null;
  onMessage(event: string | undefined, data: string): void;
  onStatus(status: StreamStatus): void;
}

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/**
 * Server-sent events over fetch: EventSource cannot send the Authorization header the staff
 * stream needs. Reconnects with a doubling delay (reset once a connection opens, or set by the
 * server's `retry:`) until the returned function is called.
 */
export function openEventStream(options: EventStreamOptions): () => void {
  let closed = false;
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let delay = FIRST_RETRY_MS;
  let serverRetry: number | null = null;

  const connect = async () => {
    timer = null;
    controller = new AbortController();
    options.onStatus('connecting');
    const parser = createParser({
      onEvent: (message) => options.onMessage(message.event, message.data),
      onRetry: (ms) => {
        serverRetry = ms;
      },
    });
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      const token = options.token();
      if (token) headers.Authorization = `Bearer ${token}`;
      const response = await fetch(options.url, { headers, signal: controller.signal, cache: 'no-store' });
      if (!response.ok || !response.body) throw new Error(`event stream: HTTP ${response.status}`);
      options.onStatus('open');
      delay = FIRST_RETRY_MS;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.feed(value);
      }
    } catch {
      // A refused or dropped connection is retried below, unless the stream was closed.
    }
    if (closed) return;
    options.onStatus('retrying');
    const wait = serverRetry ?? delay;
    delay = Math.min(delay * 2, MAX_RETRY_MS);
    timer = setTimeout(() => void connect(), wait);
  };

  void connect();
  return () => {
    closed = true;
    if (timer !== null) clearTimeout(timer);
    controller?.abort();
  };
}
