import { Module } from '@nestjs/common';
import { CaseStatusController } from './case-status.controller.js';
import { CaseStatusService } from './case-status.service.js';

@Module({ controllers: [CaseStatusController], providers: [CaseStatusService], exports: [CaseStatusService] })
export class CaseStatusModule {}
