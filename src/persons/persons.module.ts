import { Module } from '@nestjs/common';
import { PersonContactsController } from './person-contacts.controller.js';
import { PersonContactsService } from './person-contacts.service.js';

@Module({ controllers: [PersonContactsController], providers: [PersonContactsService] })
export class PersonsModule {}
