import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import {
  CreatedWebhookReceiverDto,
  CreateWebhookReceiverDto,
  toReceiverResponse,
  WebhookReceiverResponseDto,
} from './dto/webhook-receiver.dto.js';
import { WebhookReceiversService } from './webhook-receivers.service.js';

/** Admins configure where their organisation's notifications go: the only outbound connections the service makes. */
@ApiTags('webhook receivers')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/webhook-receivers')
export class WebhookReceiversController {
  constructor(private readonly receivers: WebhookReceiversService) {}

  @Get()
  async list(@CurrentUser() admin: AuthenticatedUser): Promise<WebhookReceiverResponseDto[]> {
    return (await this.receivers.list(admin)).map(toReceiverResponse);
  }

  @Post()
  async create(@CurrentUser() admin: AuthenticatedUser, @Body() body: CreateWebhookReceiverDto): Promise<CreatedWebhookReceiverDto> {
    const { receiver, signingSecret } = await this.receivers.create(admin, body);
    return { receiver: toReceiverResponse(receiver), signingSecret };
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  async deactivate(@CurrentUser() admin: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookReceiverResponseDto> {
    return toReceiverResponse(await this.receivers.deactivate(admin, id));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() admin: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.receivers.remove(admin, id);
  }
}
