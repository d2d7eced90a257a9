import { Module } from '@nestjs/common';
import { OutboxRelayService } from './outbox-relay.service';
import { OutboxRepository } from './outbox.repository';

/** Reading side of the outbox: runs in the worker process only. */
@Module({ providers: [OutboxRepository, OutboxRelayService], exports: [OutboxRelayService] })
export class OutboxRelayModule {}
