import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { AuditEvent } from './audit-event.entity.js';

export class AuditQuery {
  @ApiPropertyOptional({ example: 'person_contact.break_glass_read' })
  @IsOptional()
  @Matches(/^[a-z_.]{1,80}$/, { message: 'action must be an action code' })
  action?: string;

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
  @ApiProperty() action: string;
  @ApiPropertyOptional() entityType?: string;
  @ApiPropertyOptional() entityId?: string;
  @ApiPropertyOptional() reasonCode?: string;
  @ApiProperty() outcome: string;
}

/** The auditor's view of their organisation's trail, newest first: ids and codes only. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit-events')
export class AuditController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Roles('auditor')
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: AuditQuery): Promise<AuditEventResponseDto[]> {
    const events = await this.dataSource.getRepository(AuditEvent).find({
      where: { organisationId: user.organisationId, ...(query.action && { action: query.action }) },
      order: { occurredAt: 'DESC', id: 'DESC' },
      take: query.limit ?? 100,
    });
    return events.map((e) => ({
      id: e.id,
      occurredAt: e.occurredAt.toISOString(),
      actorUserId: e.actorUserId ?? undefined,
      action: e.action,
      entityType: e.entityType ?? undefined,
      entityId: e.entityId ?? undefined,
      reasonCode: e.reasonCode ?? undefined,
      outcome: e.outcome,
    }));
  }
}
