import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { ChangeRolesDto, CreateUserDto, SetupCodeResponseDto, toUserResponse, UserResponseDto } from './dto/user.dto.js';
import { SecondFactorService } from '../second-factor/second-factor.service.js';
import { type IssuedSetupCode, UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  @Get()
  async list(@CurrentUser() admin: AuthenticatedUser): Promise<UserResponseDto[]> {
    return (await this.users.list(admin)).map(toUserResponse);
  }

  @Post()
  async create(@CurrentUser() admin: AuthenticatedUser, @Body() body: CreateUserDto): Promise<SetupCodeResponseDto> {
    return toSetupCodeResponse(await this.users.create(admin, body));
  }

  @Patch(':id/roles')
  async changeRoles(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ChangeRolesDto,
  ): Promise<UserResponseDto> {
    return toUserResponse(await this.users.changeRoles(admin, id, body.roles));
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  async deactivate(@CurrentUser() admin: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<UserResponseDto> {
    return toUserResponse(await this.users.deactivate(admin, id));
  }

  @Post(':id/unlock')
  @HttpCode(200)
  async unlock(@CurrentUser() admin: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<UserResponseDto> {
    return toUserResponse(await this.users.unlock(admin, id));
  }

  /** For a user who lost both their authenticator and their recovery codes; ends their sessions. */
  @Post(':id/second-factor/reset')
  @HttpCode(204)
  async resetSecondFactor(@CurrentUser() admin: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.secondFactor.resetByAdmin(admin, id);
  }

  @Post(':id/password-reset')
  async resetPassword(@CurrentUser() admin: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<SetupCodeResponseDto> {
    return toSetupCodeResponse(await this.users.resetPassword(admin, id));
  }
}

function toSetupCodeResponse(issued: IssuedSetupCode): SetupCodeResponseDto {
  return { user: toUserResponse(issued.user), setupCode: issued.setupCode, setupCodeExpiresAt: issued.setupCodeExpiresAt.toISOString() };
}
