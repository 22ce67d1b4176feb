import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import cookieParser from 'cookie-parser';
import { AuthModule } from '../auth/auth.module.js';
import { CaseStatusModule } from '../case-status/case-status.module.js';
import { Environment } from '../config/environment.js';
import { DatabaseModule } from '../database/database.module.js';
import { DisclosureModule } from '../disclosure/disclosure.module.js';
import { ReviewModule } from '../review/review.module.js';
import { WebhookReceiversModule } from '../notifications/notifications.module.js';
import { SecondFactorModule } from '../second-factor/second-factor.module.js';
import { SharingAgreementsModule } from '../sharing-agreements/sharing-agreements.module.js';
import { TracingRequestsModule } from '../tracing-requests/tracing-requests.module.js';
import { UsersModule } from '../users/users.module.js';
import { ConsoleErrorFilter } from './console-error.filter.js';
import { ConsolePages } from './console-pages.js';
import { CaseStatusPageController } from './pages/case-status-page.controller.js';
import { ConsoleAssetsController } from './pages/console-assets.controller.js';
import { FindsPagesController } from './pages/finds-pages.controller.js';
import { RequestEditPagesController } from './pages/request-edit-pages.controller.js';
import { RequestsPagesController } from './pages/requests-pages.controller.js';
import { ReviewPagesController } from './pages/review-pages.controller.js';
import { SecondFactorPagesController } from './pages/second-factor-pages.controller.js';
import { SharingAgreementsPagesController } from './pages/sharing-agreements-pages.controller.js';
import { SignInController } from './pages/sign-in.controller.js';
import { UserAccountPagesController } from './pages/user-account-pages.controller.js';
import { UsersPagesController } from './pages/users-pages.controller.js';
import { WebhookReceiversPagesController } from './pages/webhook-receivers-pages.controller.js';
import { ConsoleCsrf } from './session/console-csrf.js';
import { ConsoleSessionMiddleware } from './session/console-session.middleware.js';
import { ConsoleSessions } from './session/console-sessions.js';
import { formBody } from './session/form-body.js';

/**
 * The web console: server-rendered pages under /console on top of the API's services
 * (docs/decisions/0019-web-console.md). Form posts are URL-encoded and read only here; the JSON API
 * keeps refusing every other body type.
 */
/**
 * Every page controller but the stylesheet's: one list for the module and for the session and CSRF
 * middleware, so a page cannot be added to one and forgotten in the other (it would run without
 * its session or its CSRF check).
 */
const SESSION_CONTROLLERS = [
  SignInController,
  RequestsPagesController,
  RequestEditPagesController,
  ReviewPagesController,
  FindsPagesController,
  CaseStatusPageController,
  UsersPagesController,
  UserAccountPagesController,
  SharingAgreementsPagesController,
  WebhookReceiversPagesController,
  SecondFactorPagesController,
];

@Module({
  imports: [
    DatabaseModule,
    AuthModule,
    TracingRequestsModule,
    ReviewModule,
    DisclosureModule,
    CaseStatusModule,
    UsersModule,
    SecondFactorModule,
    SharingAgreementsModule,
    WebhookReceiversModule,
  ],
  controllers: [ConsoleAssetsController, ...SESSION_CONTROLLERS],
  providers: [ConsoleSessions, ConsoleCsrf, ConsolePages, ConsoleErrorFilter, ConsoleSessionMiddleware],
})
export class ConsoleModule implements NestModule {
  constructor(private readonly env: Environment) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(cookieParser(), formBody(this.env.BODY_LIMIT_KB * 1024), ConsoleSessionMiddleware, ConsoleCsrf)
      .forRoutes(...SESSION_CONTROLLERS);
  }
}
