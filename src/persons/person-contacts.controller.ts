import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { BreakGlassDto, ContactResponseDto } from './dto/contact-response.dto.js';
import { ContactDto } from './dto/person-input.dto.js';
import { PersonContactsService } from './person-contacts.service.js';

@ApiTags('contact details')
@ApiBearerAuth()
@Controller('v1/tracing-requests/:requestId/persons/:personId/contact')
export class PersonContactsController {
  constructor(private readonly contacts: PersonContactsService) {}

  @Get()
  @Roles('officer', 'caseworker')
  @ApiOkResponse({ type: ContactResponseDto })
  @ApiForbiddenResponse({ description: 'not assigned to the request: use break-glass' })
  read(
    @CurrentUser() user: AuthenticatedUser,
    @Param('requestId', ParseUUIDPipe) requestId: string,
    @Param('personId', ParseUUIDPipe) personId: string,
  ): Promise<ContactResponseDto> {
    return this.contacts.read(user, requestId, personId);
  }

  @Put()
  @Roles('officer', 'caseworker')
  @ApiOkResponse({ type: ContactResponseDto })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('requestId', ParseUUIDPipe) requestId: string,
    @Param('personId', ParseUUIDPipe) personId: string,
    @Body() body: ContactDto,
  ): Promise<ContactResponseDto> {
    return this.contacts.update(user, requestId, personId, body);
  }

  @Post('break-glass')
  @HttpCode(200)
  @Roles('officer', 'caseworker', 'reviewer', 'admin')
  @ApiOkResponse({ type: ContactResponseDto, description: 'audited with its reason and shown to the auditor' })
  breakGlass(
    @CurrentUser() user: AuthenticatedUser,
    @Param('requestId', ParseUUIDPipe) requestId: string,
    @Param('personId', ParseUUIDPipe) personId: string,
    @Body() body: BreakGlassDto,
  ): Promise<ContactResponseDto> {
    return this.contacts.breakGlass(user, requestId, personId, body.reasonCode);
  }
}
