import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { AuditEvent } from './audit-event.entity.js';
import { IsCalendarDate } from '../common/validation/is-calendar-date.js';

export class AuditQuery {
  @ApiPropertyOptional({ example: 'person_contact.break_glass_read' })
  @IsOptional()
  @Matches(/^[a-z_.]{1,80}$/, { message: 'action must be an action code' })
  action?: string;

  @ApiPropertyOptional({ example: 'candidate_match' })
  @IsOptional()
  @Matches(/^[a-z_]{1,40}$/, { message: 'entityType must be an entity code' })
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  entityId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  actorUserId?: string;

  @ApiPropertyOptional({ description: 'every event concerning this tracing request' })
  @IsOptional()
  @IsUUID()
  requestId?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'on or after' })
  @IsOptional()
  @IsCalendarDate()
  occurredFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'before' })
  @IsOptional()
  @IsCalendarDate()
  occurredTo?: string;

  @ApiPropertyOptional({ description: 'the id of the last event of the previous page (events come newest first)' })
  @IsOptional()
  @Matches(/^[0-9]{1,19}$/, { message: 'beforeId must be an event id' })
  beforeId?: string;

  @ApiPropertyOptional({ default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class AuditEventResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() occurredAt: string;
  @ApiPropertyOptional() actorUserId?: string;
  @ApiPropertyOptional({ type: [String] }) actorRoles?: string[];
  @ApiProperty() action: string;
  @ApiPropertyOptional() entityType?: string;
  @ApiPropertyOptional() entityId?: string;
  @ApiPropertyOptional() reasonCode?: string;
  @ApiPropertyOptional() requestId?: string;
  @ApiProperty() outcome: string;
  @ApiPropertyOptional({ description: "the client's address" }) sourceIp?: string;
}

/** The auditor's view of their organisation's trail, newest first, with filters: ids and codes only. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit-events')
export class AuditController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Roles('auditor')
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: AuditQuery): Promise<AuditEventResponseDto[]> {
    const qb = this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .where('e.organisation_id = :org', { org: user.organisationId })
      .orderBy('e.id', 'DESC')
      .limit(query.limit ?? 100);
    const filters: [keyof AuditQuery, string][] = [
      ['action', 'e.action = :action'],
      ['entityType', 'e.entity_type = :entityType'],
      ['entityId', 'e.entity_id = :entityId'],
      ['actorUserId', 'e.actor_user_id = :actorUserId'],
      // A candidate concerns two requests and its events name one: the other finds them through the pair.
      [
        'requestId',
        `(e.request_id = :requestId OR (e.entity_type = 'candidate_match' AND e.entity_id IN (
           SELECT c.id FROM candidate_match c JOIN person_record p ON p.id IN (c.person_a_id, c.person_b_id) WHERE p.request_id = :requestId)))`,
      ],
      ['occurredFrom', 'e.occurred_at >= :occurredFrom'],
      ['occurredTo', 'e.occurred_at < :occurredTo'],
      ['beforeId', 'e.id < :beforeId'],
    ];
    for (const [key, condition] of filters) if (query[key] !== undefined) qb.andWhere(condition, { [key]: query[key] });
    const events = await qb.getMany();
    return events.map((e) => ({
      id: e.id,
      occurredAt: e.occurredAt.toISOString(),
      actorUserId: e.actorUserId ?? undefined,
      actorRoles: e.actorRoles ?? undefined,
      action: e.action,
      entityType: e.entityType ?? undefined,
      entityId: e.entityId ?? undefined,
      reasonCode: e.reasonCode ?? undefined,
      requestId: e.requestId ?? undefined,
      outcome: e.outcome,
      sourceIp: e.sourceIp ?? undefined,
    }));
  }
}
