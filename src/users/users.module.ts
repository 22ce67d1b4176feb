import { Module } from '@nestjs/common';
import { SecondFactorModule } from '../second-factor/second-factor.module.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({ imports: [SecondFactorModule], controllers: [UsersController], providers: [UsersService], exports: [UsersService] })
export class UsersModule {}
