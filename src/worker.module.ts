import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module.js';
import { ConfigModule } from './config/config.module.js';
import type { Environment } from './config/environment.js';
import { DatabaseModule } from './database/database.module.js';
import { KeyStoreModule } from './key-store/key-store.module.js';
import { MemoEvictionModule } from './erasure/erasure.module.js';
import { MatchingModule } from './matching/matching.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { WebhookDeliveryModule } from './notifications/notifications.module.js';
import { OutboxModule } from './outbox/outbox.module.js';
import { QueueModule } from './queue/queue.module.js';
import { RetentionScheduleModule } from './retention/retention.module.js';
import { SearchClosingModule } from './search-closing/search-closing.module.js';

/** The worker process: consumes matching and webhook delivery jobs, relays the outbox, closes expired searches, applies retention; no public HTTP surface. */
@Module({})
export class WorkerModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(env),
        DatabaseModule,
        KeyStoreModule,
        QueueModule.forRoot('worker'),
        MetricsModule.forRoot('worker'),
        AuditModule,
        OutboxModule,
        MatchingModule.forRoot(env),
        WebhookDeliveryModule,
        SearchClosingModule,
        MemoEvictionModule,
        RetentionScheduleModule,
      ],
    };
  }
}
