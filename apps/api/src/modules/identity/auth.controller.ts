import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorBodyDto } from '../../common/error-body.dto';
import { CurrentPrincipal, Public, SignedIn } from '../access/access.decorators';
import type { AuthedRequest, Principal } from '../access/principal';
import { AuthService } from './auth.service';
import { ConfirmPasswordDto, MeDto, SignInDto, SignUpDto, UpdateMeDto, UserResponseDto } from './dto/auth.dto';

@ApiTags('identity')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field' })
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/sign-up')
  @Public()
  @ApiOperation({ summary: 'Create an account and sign in', operationId: 'signUp' })
  @ApiCreatedResponse({ type: UserResponseDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'EMAIL_TAKEN' })
  async signUp(@Body() dto: SignUpDto, @Req() req: AuthedRequest, @Res({ passthrough: true }) res: Response) {
    return { user: await this.auth.signUp(dto, req, res) };
  }

  @Post('auth/sign-in')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password', operationId: 'signIn' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'RATE_LIMITED, with Retry-After' })
  async signIn(@Body() dto: SignInDto, @Req() req: AuthedRequest, @Res({ passthrough: true }) res: Response) {
    return { user: await this.auth.signIn(dto, req, res) };
  }

  @Post('auth/sign-out')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out this session', operationId: 'signOut' })
  @ApiNoContentResponse()
  async signOut(@CurrentPrincipal() p: Principal, @Req() req: AuthedRequest, @Res({ passthrough: true }) res: Response) {
    await this.auth.signOut(p, req, res);
  }

  @Post('auth/confirm-password')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Re-enter your password before an act that needs it (such as granting consent); valid for 10 minutes in this session',
    operationId: 'confirmPassword',
  })
  @ApiNoContentResponse()
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'RATE_LIMITED, with Retry-After' })
  async confirmPassword(@CurrentPrincipal() p: Principal, @Body() dto: ConfirmPasswordDto, @Req() req: AuthedRequest) {
    await this.auth.confirmPassword(p, dto.password, req);
  }

  @Get('me')
  @SignedIn()
  @ApiOperation({ summary: 'The signed-in user with their businesses and lender organisations', operationId: 'getMe' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() p: Principal): Promise<MeDto> {
    return this.auth.me(p);
  }

  @Patch('me')
  @SignedIn()
  @ApiOperation({ summary: 'Change your name or language', operationId: 'updateMe' })
  @ApiOkResponse({ type: UserResponseDto })
  async updateMe(@CurrentPrincipal() p: Principal, @Body() dto: UpdateMeDto) {
    return { user: await this.auth.updateMe(p, dto) };
  }
}
