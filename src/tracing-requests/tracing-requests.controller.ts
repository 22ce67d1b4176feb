import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { CreateTracingRequestDto } from './dto/create-tracing-request.dto.js';
import { ListTracingRequestsQuery } from './dto/list-tracing-requests.query.js';
import {
  StatusChangeResponseDto,
  toStatusChangeResponse,
  toTracingRequestResponse,
  toTracingRequestSummary,
  TracingRequestPageDto,
  TracingRequestResponseDto,
} from './dto/tracing-request-response.dto.js';
import { UpdateTracingRequestDto, WithdrawTracingRequestDto } from './dto/update-tracing-request.dto.js';
import type { TracingRequest } from './entities/tracing-request.entity.js';
import { idempotencyKeyOf } from './idempotent-create.js';
import { mayReadCircumstances, TracingRequestReader } from './tracing-request-reader.js';
import { TracingRequestsService } from './tracing-requests.service.js';

@ApiTags('tracing requests')
@ApiBearerAuth()
@Controller('v1/tracing-requests')
export class TracingRequestsController {
  constructor(
    private readonly requests: TracingRequestsService,
    private readonly reader: TracingRequestReader,
  ) {}

  @Post()
  @Roles('officer')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'a random token of the client (8–100 of A-Z, a-z, 0-9, "-", "_"; a UUID will do): sent again with the same body, ' +
      'the request the first call made comes back (with Idempotent-Replayed: true) instead of a second one; with another body, 409',
  })
  @ApiCreatedResponse({ type: TracingRequestResponseDto })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateTracingRequestDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TracingRequestResponseDto> {
    const { request, replayed } = await this.requests.createOnce(user, body, idempotencyKeyOf(idempotencyKey, body));
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return respond(user, request);
  }

  @Get()
  @Roles('officer', 'reviewer', 'admin')
  @ApiOkResponse({ type: TracingRequestPageDto })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListTracingRequestsQuery): Promise<TracingRequestPageDto> {
    const page = await this.reader.list(user, query);
    return { items: page.items.map(toTracingRequestSummary), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Roles('officer', 'reviewer', 'admin', 'caseworker')
  @ApiOkResponse({ type: TracingRequestResponseDto })
  @ApiNotFoundResponse({ description: 'unknown, or not of your organisation' })
  async read(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<TracingRequestResponseDto> {
    return respond(user, await this.reader.read(user, id));
  }

  @Patch(':id')
  @Roles('officer')
  @ApiOkResponse({ type: TracingRequestResponseDto })
  @ApiConflictResponse({ description: 'stale version, or the request is no longer open' })
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateTracingRequestDto,
  ): Promise<TracingRequestResponseDto> {
    return respond(user, await this.requests.update(user, id, body));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('officer')
  @ApiOkResponse({ type: TracingRequestResponseDto })
  @ApiConflictResponse({ description: 'already withdrawn or closed' })
  async withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: WithdrawTracingRequestDto,
  ): Promise<TracingRequestResponseDto> {
    return respond(user, await this.requests.withdraw(user, id, body.reasonCode));
  }

  @Get(':id/history')
  @Roles('officer', 'reviewer', 'admin', 'caseworker')
  @ApiOkResponse({ type: [StatusChangeResponseDto] })
  async history(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<StatusChangeResponseDto[]> {
    return (await this.reader.history(user, id)).map(toStatusChangeResponse);
  }
}

function respond(user: AuthenticatedUser, request: TracingRequest): TracingRequestResponseDto {
  return toTracingRequestResponse(request, { withCircumstances: mayReadCircumstances(user, request) });
}
