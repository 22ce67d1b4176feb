import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain-errors.js';
import { Environment } from '../config/environment.js';
import type { ReceiverAudience } from './notification-events.js';
import { receiverUrlProblem } from './receiver-url.js';
import { WebhookReceiver } from './webhook-receiver.entity.js';
import { newSigningSecret } from './webhook-signature.js';

/** An admin's webhook receivers, in their own organisation only; another organisation's id is "not found". */
@Injectable()
export class WebhookReceiversService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly env: Environment,
  ) {}

  list(admin: AuthenticatedUser): Promise<WebhookReceiver[]> {
    return this.dataSource
      .getRepository(WebhookReceiver)
      .find({ where: { organisationId: admin.organisationId }, order: { createdAt: 'ASC' } });
  }

  /** Creates a receiver with a fresh secret; the secret is returned here and never again. */
  create(
    admin: AuthenticatedUser,
    input: { url: string; audience: ReceiverAudience },
  ): Promise<{ receiver: WebhookReceiver; signingSecret: string }> {
    const problem = receiverUrlProblem(input.url, this.env.WEBHOOK_ALLOW_HTTP_LOOPBACK === 'true');
    if (problem) throw new InvalidInputError('url', problem);
    return this.dataSource.transaction(async (manager) => {
      const signingSecret = newSigningSecret();
      const { id } = await manager.save(
        WebhookReceiver,
        manager.create(WebhookReceiver, { ...input, organisationId: admin.organisationId, signingSecret, createdBy: admin.id }),
      );
      await this.audit.record({ actor: admin, action: 'webhook_receiver.created', entityType: 'webhook_receiver', entityId: id }, manager);
      return { receiver: await manager.findOneByOrFail(WebhookReceiver, { id }), signingSecret };
    });
  }

  /** Stops deliveries at once, queued retries included (the worker re-reads the receiver before each attempt). */
  deactivate(admin: AuthenticatedUser, id: string): Promise<WebhookReceiver> {
    return this.dataSource.transaction(async (manager) => {
      const receiver = await this.lockOwn(manager, admin, id);
      if (!receiver.isActive) throw new ConflictError('the receiver is already deactivated');
      await manager.update(WebhookReceiver, { id }, { isActive: false });
      await this.audit.record(
        { actor: admin, action: 'webhook_receiver.deactivated', entityType: 'webhook_receiver', entityId: id },
        manager,
      );
      return manager.findOneByOrFail(WebhookReceiver, { id });
    });
  }

  /** Removes the receiver and its secret; queued deliveries to it are dropped by the worker. */
  async remove(admin: AuthenticatedUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockOwn(manager, admin, id);
      await manager.delete(WebhookReceiver, { id });
      await this.audit.record({ actor: admin, action: 'webhook_receiver.deleted', entityType: 'webhook_receiver', entityId: id }, manager);
    });
  }

  private async lockOwn(manager: EntityManager, admin: AuthenticatedUser, id: string): Promise<WebhookReceiver> {
    const receiver = await manager.findOne(WebhookReceiver, {
      where: { id, organisationId: admin.organisationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!receiver) throw new NotFoundError('webhook receiver');
    return receiver;
  }
}
