import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { RECEIVER_AUDIENCES, type ReceiverAudience } from '../notification-events.js';
import type { WebhookReceiver } from '../webhook-receiver.entity.js';

export class CreateWebhookReceiverDto {
  @ApiProperty({
    example: 'https://alerts.example.org/rfl',
    description: 'https; plain http only to loopback when WEBHOOK_ALLOW_HTTP_LOOPBACK=true',
  })
  @IsString()
  @MaxLength(2000)
  url: string;

  @ApiProperty({
    enum: RECEIVER_AUDIENCES,
    description: 'staff: candidates, decisions, consents, request statuses; enquirer: changes of the coarse status only',
  })
  @IsIn(RECEIVER_AUDIENCES)
  audience: ReceiverAudience;
}

export class WebhookReceiverResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: RECEIVER_AUDIENCES }) audience: ReceiverAudience;
  @ApiProperty() isActive: boolean;
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: string;
}

export class CreatedWebhookReceiverDto {
  @ApiProperty({ type: WebhookReceiverResponseDto }) receiver: WebhookReceiverResponseDto;
  @ApiProperty({ description: 'HMAC-SHA256 key for the x-rfl-signature header; shown once, never again' }) signingSecret: string;
}

export function toReceiverResponse(receiver: WebhookReceiver): WebhookReceiverResponseDto {
  return {
    id: receiver.id,
    url: receiver.url,
    audience: receiver.audience,
    isActive: receiver.isActive,
    createdBy: receiver.createdBy,
    createdAt: receiver.createdAt.toISOString(),
  };
}
