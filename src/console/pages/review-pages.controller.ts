import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { CurrentUser, Roles } from '../../auth/decorators.js';
import { InvalidInputError } from '../../common/errors/domain-errors.js';
import { CandidateViewReader } from '../../review/candidate-view.reader.js';
import { ClaimsService } from '../../review/claims.service.js';
import { DecisionsService } from '../../review/decisions.service.js';
import { DecisionInputDto } from '../../review/dto/decision-input.dto.js';
import { ReviewQueueQuery } from '../../review/dto/review-queue.query.js';
import { ReviewQueueReader } from '../../review/review-queue.reader.js';
import { DECISION_REASONS, DECISIONS } from '../../review/review-vocabulary.js';
import { ConsoleErrorFilter } from '../console-error.filter.js';
import { ConsolePages } from '../console-pages.js';
import { evidenceRows } from '../forms/evidence-rows.js';
import { validateInput } from '../forms/validate-input.js';
import type { ShownProblem } from '../i18n/field-messages.js';
import type { ConsoleRequest } from '../session/console-request.js';

/** The reviewer's pages: the queue and the side-by-side comparison with claim, release and decision. */
@ApiExcludeController()
@UseFilters(ConsoleErrorFilter)
@Controller('console/review')
export class ReviewPagesController {
  constructor(
    private readonly queue: ReviewQueueReader,
    private readonly view: CandidateViewReader,
    private readonly claims: ClaimsService,
    private readonly decisions: DecisionsService,
    private readonly pages: ConsolePages,
  ) {}

  @Get()
  @Roles('reviewer', 'admin')
  async list(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @CurrentUser() user: AuthenticatedUser,
    @Query('cursor') cursor: unknown,
  ): Promise<void> {
    const input = await validateInput(
      ReviewQueueQuery,
      { limit: '50', ...(typeof cursor === 'string' && cursor !== '' && { cursor }) },
      'query',
    );
    const page = await this.queue.list(user, input.ok ? input.value : { limit: 50 });
    const t = this.pages.catalogueFor(request).t;
    const next = page.nextCursor ? `?${new URLSearchParams({ cursor: page.nextCursor }).toString()}` : null;
    this.pages.render(request, response, 'review-queue', { title: t('review.title'), items: page.items, next });
  }

  @Get(':id')
  @Roles('reviewer', 'admin')
  async compare(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('decided') decided: unknown,
  ): Promise<void> {
    await this.renderCandidate(request, response, user, id, { decided: decided !== undefined }, 200);
  }

  @Post(':id/claim')
  @Roles('reviewer')
  async claim(@Res() response: Response, @CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.claims.claim(user, id);
    response.redirect(303, `/console/review/${id}#decide`);
  }

  @Post(':id/release')
  @Roles('reviewer')
  async release(@Res() response: Response, @CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.claims.release(user, id);
    response.redirect(303, `/console/review/${id}`);
  }

  @Post(':id/decision')
  @Roles('reviewer')
  async decide(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() fields: Record<string, unknown>,
  ): Promise<void> {
    const note = typeof fields.note === 'string' && fields.note.trim() !== '' ? fields.note : undefined;
    const version = typeof fields.version === 'string' && /^\d{1,9}$/.test(fields.version) ? Number(fields.version) : fields.version;
    const input = await validateInput(DecisionInputDto, {
      decision: fields.decision,
      reasonCode: fields.reasonCode,
      version,
      ...(note && { note }),
    });
    if (!input.ok) {
      return this.renderCandidate(request, response, user, id, { problems: this.pages.showProblems(request, input.fields) }, 400);
    }
    try {
      await this.decisions.decide(user, id, input.value);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const problems = this.pages.showProblems(request, [{ field: error.field, problems: [error.message] }]);
      return this.renderCandidate(request, response, user, id, { problems }, 400);
    }
    response.redirect(303, `/console/review/${id}?decided=1`);
  }

  private async renderCandidate(
    request: ConsoleRequest,
    response: Response,
    user: AuthenticatedUser,
    id: string,
    extra: { decided?: boolean; problems?: ShownProblem[] },
    status: number,
  ): Promise<void> {
    const candidate = await this.view.read(user, id);
    const t = this.pages.catalogueFor(request).t;
    this.pages.render(
      request,
      response,
      'candidate',
      {
        title: t('candidate.title'),
        candidate,
        evidence: evidenceRows(candidate.explanation),
        decisions: DECISIONS,
        reasons: DECISION_REASONS,
        isReviewer: user.roles.includes('reviewer'),
        decided: extra.decided ?? false,
        problems: extra.problems ?? [],
      },
      status,
    );
  }
}
