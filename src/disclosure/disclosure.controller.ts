import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { ConsentsService } from './consents.service.js';
import { type DisclosureView, DisclosureService } from './disclosure.service.js';
import { ConsentInputDto, ConsentWithdrawalDto, IdentityCheckInputDto, OverrideInputDto } from './dto/disclosure-inputs.dto.js';
import { FindListPageDto, FindListQuery } from './dto/find-list.dto.js';
import { FindListReader } from './find-list.reader.js';
import { FindSummaryReader } from './find-summary.reader.js';
import { IdentityChecksService } from './identity-checks.service.js';

/** The caseworker's finds: those whose consent they record, and those released to a request of theirs. */
@ApiTags('consent and disclosure')
@ApiBearerAuth()
@Controller('v1/finds')
export class FindListController {
  constructor(private readonly finds: FindListReader) {}

  @Get()
  @Roles('caseworker')
  @ApiOkResponse({ type: FindListPageDto, description: "ids, your own reference, state and dates; no person's field" })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: FindListQuery): Promise<FindListPageDto> {
    return this.finds.list(user, query);
  }
}

/** After a confirmed find: the enquirer's identity check, the found person's consent, flag overrides. */
@ApiTags('consent and disclosure')
@ApiBearerAuth()
@Controller('v1/finds/:candidateId')
export class FindsController {
  constructor(
    private readonly checks: IdentityChecksService,
    private readonly consents: ConsentsService,
    private readonly disclosures: DisclosureService,
    private readonly summaries: FindSummaryReader,
  ) {}

  @Get()
  @Roles('reviewer', 'caseworker', 'admin')
  @ApiOkResponse({
    description: "the identity check and the consents; to the found person's side, who is searching if the enquirer agreed",
  })
  summary(@CurrentUser() user: AuthenticatedUser, @Param('candidateId', ParseUUIDPipe) candidateId: string) {
    return this.summaries.read(user, candidateId);
  }

  @Post('identity-checks')
  @HttpCode(200)
  @Roles('reviewer')
  @ApiOkResponse({ description: "the check's state: passed, failed, or awaiting a second reviewer (flagged requests)" })
  @ApiConflictResponse({ description: 'not a confirmed find, the check is closed, or the same reviewer again' })
  checkIdentity(
    @CurrentUser() user: AuthenticatedUser,
    @Param('candidateId', ParseUUIDPipe) candidateId: string,
    @Body() body: IdentityCheckInputDto,
  ) {
    return this.checks.record(user, candidateId, body);
  }

  @Post('consents')
  @HttpCode(201)
  @Roles('caseworker')
  @ApiForbiddenResponse({ description: "not the found person's caseworker" })
  @ApiConflictResponse({ description: 'consent is not awaited (e.g. the identity check has not passed)' })
  recordConsent(
    @CurrentUser() user: AuthenticatedUser,
    @Param('candidateId', ParseUUIDPipe) candidateId: string,
    @Body() body: ConsentInputDto,
  ) {
    return this.consents.record(user, candidateId, body);
  }

  @Post('consents/:consentId/withdraw')
  @HttpCode(204)
  @Roles('caseworker')
  async withdrawConsent(
    @CurrentUser() user: AuthenticatedUser,
    @Param('candidateId', ParseUUIDPipe) candidateId: string,
    @Param('consentId', ParseUUIDPipe) consentId: string,
    @Body() body: ConsentWithdrawalDto,
  ): Promise<void> {
    await this.consents.withdraw(user, candidateId, consentId, body.reasonCode);
  }

  @Post('consents/:consentId/overrides')
  @HttpCode(200)
  @Roles('reviewer', 'caseworker', 'admin')
  @ApiOkResponse({ description: 'how many different people have overridden the flag for this consent (two release it)' })
  override(
    @CurrentUser() user: AuthenticatedUser,
    @Param('candidateId', ParseUUIDPipe) candidateId: string,
    @Param('consentId', ParseUUIDPipe) consentId: string,
    @Body() body: OverrideInputDto,
  ) {
    return this.disclosures.override(user, candidateId, consentId, body.reasonCode);
  }
}

/** The enquirer's side: what may be passed on about a sought person, checked against consent at this moment. */
@ApiTags('consent and disclosure')
@ApiBearerAuth()
@Controller('v1/tracing-requests/:requestId/sought-people/:personId/disclosure')
export class DisclosureController {
  constructor(private readonly disclosures: DisclosureService) {}

  @Get()
  @Roles('officer', 'caseworker')
  @ApiOkResponse({ description: '{ released: false } in every case but a valid consent (no oracle)' })
  @ApiForbiddenResponse({ description: 'not assigned to this request' })
  read(
    @CurrentUser() user: AuthenticatedUser,
    @Param('requestId', ParseUUIDPipe) requestId: string,
    @Param('personId', ParseUUIDPipe) personId: string,
  ): Promise<DisclosureView> {
    return this.disclosures.read(user, requestId, personId);
  }
}
