import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';

/** The auditor's read API; the API lists it, the worker does not. */
@Module({ controllers: [AuditController] })
export class AuditTrailModule {}
