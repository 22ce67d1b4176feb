import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { AuditTrailModule } from './audit/audit-trail.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CaseStatusModule } from './case-status/case-status.module.js';
import { ConsoleModule } from './console/console.module.js';
import { HttpDrain } from './common/shutdown/http-drain.js';
import { ConfigModule } from './config/config.module.js';
import type { Environment } from './config/environment.js';
import { DatabaseModule } from './database/database.module.js';
import { KeyStoreModule } from './key-store/key-store.module.js';
import { DisclosureModule } from './disclosure/disclosure.module.js';
import { ErasureModule, MemoEvictionModule } from './erasure/erasure.module.js';
import { HealthModule } from './health/health.module.js';
import { HttpMetricsMiddleware } from './metrics/http-metrics.middleware.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { WebhookReceiversModule } from './notifications/notifications.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { OutboxModule } from './outbox/outbox.module.js';
import { PersonsModule } from './persons/persons.module.js';
import { QueueModule } from './queue/queue.module.js';
import { RateLimitModule } from './rate-limit/rate-limit.module.js';
import { RetentionModule } from './retention/retention.module.js';
import { ReviewModule } from './review/review.module.js';
import { SharingAgreementsModule } from './sharing-agreements/sharing-agreements.module.js';
import { TracingRequestsModule } from './tracing-requests/tracing-requests.module.js';
import { UsersModule } from './users/users.module.js';

/** The HTTP API process. It produces jobs (through the outbox) and never consumes them. */
@Module({})
export class ApiModule implements NestModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(env),
        DatabaseModule,
        KeyStoreModule,
        QueueModule.forRoot('producer'),
        MetricsModule.forRoot('api'),
        AuditModule,
        OutboxModule,
        AuthModule,
        UsersModule,
        OrganisationsModule,
        WebhookReceiversModule,
        TracingRequestsModule,
        PersonsModule,
        ReviewModule,
        DisclosureModule,
        SharingAgreementsModule,
        ErasureModule,
        MemoEvictionModule,
        RetentionModule,
        CaseStatusModule,
        AuditTrailModule,
        HealthModule,
        ConsoleModule,
        // Last: its guard must run after the AuthGuard (global guards run in module registration order).
        RateLimitModule,
      ],
      providers: [HttpDrain],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
