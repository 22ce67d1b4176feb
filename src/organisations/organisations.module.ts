import { Module } from '@nestjs/common';
import { OrganisationSecurityController } from './organisation-security.controller.js';
import { OrganisationSecurityService } from './organisation-security.service.js';

@Module({ controllers: [OrganisationSecurityController], providers: [OrganisationSecurityService] })
export class OrganisationsModule {}
