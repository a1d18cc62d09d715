import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorBodyDto } from '../../common/error-body.dto';
import { BusinessPermission, CurrentAccess } from '../access/access.decorators';
import type { BusinessAccess } from '../access/principal';
import { AccountsService } from './accounts.service';
import { AccountDto, AccountListDto, AccountListQueryDto, CreateAccountDto, UpdateAccountDto } from './dto/account.dto';

@ApiTags('ledger')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field' })
@Controller('businesses/:businessId/accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @BusinessPermission('ledger.read')
  @ApiOperation({ summary: 'The chart of accounts with balances in the base currency', operationId: 'listAccounts' })
  @ApiOkResponse({ type: AccountListDto })
  list(@CurrentAccess() a: BusinessAccess, @Query() q: AccountListQueryDto): Promise<AccountListDto> {
    return this.accounts.list(a, q);
  }

  @Post()
  @BusinessPermission('ledger.post')
  @ApiOperation({ summary: 'Add an account to the chart', operationId: 'createAccount' })
  @ApiCreatedResponse({ type: AccountDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'ACCOUNT_CODE_TAKEN' })
  create(@CurrentAccess() a: BusinessAccess, @Body() dto: CreateAccountDto): Promise<AccountDto> {
    return this.accounts.create(a, dto);
  }

  @Patch(':accountId')
  @BusinessPermission('ledger.post')
  @ApiOperation({ summary: 'Rename or (de)activate an account you added', operationId: 'updateAccount' })
  @ApiOkResponse({ type: AccountDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'SYSTEM_ACCOUNT or ACCOUNT_HAS_BALANCE' })
  update(
    @CurrentAccess() a: BusinessAccess,
    @Param('accountId', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
    @Body() dto: UpdateAccountDto,
  ): Promise<AccountDto> {
    return this.accounts.update(a, id, dto);
  }
}
