import type { DataSource } from 'typeorm';
import { OutboxRepository } from './outbox.repository';

describe('OutboxRepository.notify', () => {
  it('sends one NOTIFY at a time and one more for every call made meanwhile', async () => {
    const sent: (() => void)[] = [];
    const db = { query: () => new Promise<void>((resolve) => sent.push(resolve)) } as unknown as DataSource;
    const outbox = new OutboxRepository(db);
    const settle = () => new Promise((r) => setImmediate(r));

    outbox.notify();
    outbox.notify();
    outbox.notify();
    expect(sent).toHaveLength(1);
    sent[0]();
    await settle();
    expect(sent).toHaveLength(2);
    sent[1]();
    await settle();
    expect(sent).toHaveLength(2);
    outbox.notify();
    expect(sent).toHaveLength(3);
  });
});
