import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { CloseTracingRequestDto, ReopenTracingRequestDto } from './dto/request-closure.dto.js';
import { toTracingRequestResponse, TracingRequestResponseDto } from './dto/tracing-request-response.dto.js';
import { type FollowUpQuestion, FollowUpsService } from './follow-ups.service.js';
import { RequestClosureService } from './request-closure.service.js';
import { type RequestLinkView, RequestLinksService } from './request-links.service.js';

/** An officer's closing, reopening and follow-up work on a request, and the links review made to others. */
@ApiTags('tracing requests')
@ApiBearerAuth()
@Controller('v1/tracing-requests/:id')
export class RequestClosureController {
  constructor(
    private readonly closure: RequestClosureService,
    private readonly followUps: FollowUpsService,
    private readonly links: RequestLinksService,
  ) {}

  @Post('close')
  @HttpCode(200)
  @Roles('officer')
  @ApiOkResponse({ type: TracingRequestResponseDto })
  @ApiConflictResponse({ description: 'not open, or a found person refused contact (the schedule closes it)' })
  async close(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CloseTracingRequestDto,
  ): Promise<TracingRequestResponseDto> {
    return toTracingRequestResponse(await this.closure.close(user, id, body), { withCircumstances: true });
  }

  @Post('reopen')
  @HttpCode(200)
  @Roles('officer')
  @ApiOkResponse({ type: TracingRequestResponseDto })
  @ApiConflictResponse({ description: 'not closed (a withdrawn request stays withdrawn)' })
  async reopen(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReopenTracingRequestDto,
  ): Promise<TracingRequestResponseDto> {
    return toTracingRequestResponse(await this.closure.reopen(user, id, body.reasonCode), { withCircumstances: true });
  }

  @Get('follow-ups')
  @Roles('officer', 'caseworker')
  listFollowUps(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<FollowUpQuestion[]> {
    return this.followUps.list(user, id);
  }

  @Get('links')
  @Roles('officer', 'reviewer', 'admin')
  @ApiOkResponse({ description: 'requests linked to this one by a confirmed candidate (related or duplicate), for staff only' })
  listLinks(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<RequestLinkView[]> {
    return this.links.list(user, id);
  }

  @Post('follow-ups/:questionId/answered')
  @HttpCode(204)
  @Roles('officer')
  async markAnswered(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('questionId', ParseUUIDPipe) questionId: string,
  ): Promise<void> {
    await this.followUps.markAnswered(user, id, questionId);
  }
}
