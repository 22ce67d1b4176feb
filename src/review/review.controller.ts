import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { CandidateViewReader } from './candidate-view.reader.js';
import { ClaimsService } from './claims.service.js';
import { DecisionsService } from './decisions.service.js';
import { DecisionInputDto } from './dto/decision-input.dto.js';
import { ReviewQueueQuery } from './dto/review-queue.query.js';
import { ReviewQueueReader } from './review-queue.reader.js';

@ApiTags('review')
@ApiBearerAuth()
@Controller('v1/review/candidates')
export class ReviewController {
  constructor(
    private readonly queue: ReviewQueueReader,
    private readonly view: CandidateViewReader,
    private readonly claims: ClaimsService,
    private readonly decisions: DecisionsService,
  ) {}

  @Get()
  @Roles('reviewer', 'admin')
  @ApiOkResponse({ description: 'open candidates, best band first, then oldest; cursor pagination' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ReviewQueueQuery) {
    return this.queue.list(user, query);
  }

  @Get(':id')
  @Roles('reviewer', 'admin')
  @ApiOkResponse({ description: 'the side-by-side view: both records, their requests, the explanation, decisions so far' })
  @ApiNotFoundResponse({ description: 'unknown, or not of your organisation' })
  read(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.view.read(user, id);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Roles('reviewer')
  @ApiOkResponse({ description: 'the claim: the candidate version to decide against, and when the claim expires' })
  @ApiConflictResponse({ description: 'another reviewer holds a live claim, or the candidate is no longer open' })
  claim(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.claims.claim(user, id);
  }

  @Post(':id/release')
  @HttpCode(200)
  @Roles('reviewer')
  @ApiConflictResponse({ description: 'you hold no live claim' })
  release(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.claims.release(user, id);
  }

  @Post(':id/decisions')
  @HttpCode(200)
  @Roles('reviewer')
  @ApiOkResponse({ description: "the candidate's review status and version after the decision" })
  @ApiConflictResponse({ description: 'stale version, no live claim, no longer open, or a second confirmation by the same reviewer' })
  decide(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: DecisionInputDto) {
    return this.decisions.decide(user, id, body);
  }
}
