import { Module } from '@nestjs/common';
import { WebhookDeliveryProcessor } from './webhook-delivery.processor.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';
import { WebhookReceiversController } from './webhook-receivers.controller.js';
import { WebhookReceiversService } from './webhook-receivers.service.js';

/** The API's part: admins manage their organisation's receivers. */
@Module({ controllers: [WebhookReceiversController], providers: [WebhookReceiversService], exports: [WebhookReceiversService] })
export class WebhookReceiversModule {}

/** The worker's part: delivers queued events. Listed only by the worker. */
@Module({ providers: [WebhookDeliveryService, WebhookDeliveryProcessor] })
export class WebhookDeliveryModule {}
