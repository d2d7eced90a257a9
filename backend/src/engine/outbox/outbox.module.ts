import { Module } from '@nestjs/common';
import { OutboxRepository } from './outbox.repository';

/** Writing side of the outbox, for the API's transactions. */
@Module({ providers: [OutboxRepository], exports: [OutboxRepository] })
export class OutboxModule {}
