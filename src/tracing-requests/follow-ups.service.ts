import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { NotFoundError } from '../common/errors/domain-errors.js';
import { TracingRequest } from './entities/tracing-request.entity.js';
import { mayRead } from './tracing-request-reader.js';

export interface FollowUpQuestion {
  id: string;
  personId: string;
  form: string;
  askedAt: Date;
  answeredAt: Date | null;
}

/**
 * Questions a reviewer routed to the request's officer (need_more_info). Each is a standard form,
 * the same for every search, so passing it on to the enquirer reveals nothing; the answers go into
 * the request itself (an update), which the matcher then re-scores.
 */
@Injectable()
export class FollowUpsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthenticatedUser, requestId: string): Promise<FollowUpQuestion[]> {
    await this.findOwn(user, requestId);
    const questions: FollowUpQuestion[] = await this.dataSource.query(
      `SELECT id, person_id AS "personId", form, asked_at AS "askedAt", answered_at AS "answeredAt"
       FROM follow_up_question WHERE request_id = $1 ORDER BY asked_at, id`,
      [requestId],
    );
    await this.audit.record({ actor: user, action: 'follow_up.read', entityType: 'tracing_request', entityId: requestId });
    return questions;
  }

  async markAnswered(user: AuthenticatedUser, requestId: string, questionId: string): Promise<void> {
    await this.findOwn(user, requestId);
    await this.dataSource.transaction(async (manager) => {
      const [rows]: [unknown[], number] = await manager.query(
        `UPDATE follow_up_question SET answered_at = now(), answered_by = $3
         WHERE id = $1 AND request_id = $2 AND answered_at IS NULL RETURNING id`,
        [questionId, requestId, user.id],
      );
      if (rows.length === 0) throw new NotFoundError('unanswered follow-up question');
      await this.audit.record({ actor: user, action: 'follow_up.answered', entityType: 'tracing_request', entityId: requestId }, manager);
    });
  }

  private async findOwn(user: AuthenticatedUser, requestId: string): Promise<void> {
    const request = await this.dataSource.getRepository(TracingRequest).findOneBy({ id: requestId, organisationId: user.organisationId });
    if (!request || !mayRead(user, request)) throw new NotFoundError('tracing request');
  }
}
