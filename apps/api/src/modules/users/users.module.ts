import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { UserController } from './user.controller';
import { UserRepository } from './user.repository';
import { UserService } from './user.service';

@Module({ imports: [OrgUnitsModule], controllers: [UserController], providers: [UserService, UserRepository], exports: [UserRepository] })
export class UsersModule {}
