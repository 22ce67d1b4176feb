import { Global, Module } from '@nestjs/common';
import { OutboxRelay } from './outbox-relay.js';

@Global()
@Module({ providers: [OutboxRelay], exports: [OutboxRelay] })
export class OutboxModule {}
