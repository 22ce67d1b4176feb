import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { ErasureDto } from './dto/erasure.dto.js';
import { ErasureService } from './erasure.service.js';

@ApiTags('erasure')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/tracing-requests/:requestId')
export class ErasureController {
  constructor(private readonly erasure: ErasureService) {}

  @Post('erase')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'the request and its people are erased; a tombstone keeps the reference' })
  async eraseRequest(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('requestId', ParseUUIDPipe) requestId: string,
    @Body() body: ErasureDto,
  ): Promise<void> {
    await this.erasure.eraseRequest(admin, requestId, body.reasonCode);
  }

  @Post('persons/:personId/erase')
  @HttpCode(204)
  @ApiConflictResponse({ description: 'the enquirer and the last sought person go only with the whole request' })
  async erasePerson(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('requestId', ParseUUIDPipe) requestId: string,
    @Param('personId', ParseUUIDPipe) personId: string,
    @Body() body: ErasureDto,
  ): Promise<void> {
    await this.erasure.erasePerson(admin, requestId, personId, body.reasonCode);
  }
}
