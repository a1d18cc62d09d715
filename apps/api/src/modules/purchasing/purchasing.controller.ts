import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Db } from '../../db/db';
import { BusinessPermission, CurrentAccess } from '../access/access.decorators';
import type { BusinessAccess } from '../access/principal';
import { LedgerService } from '../ledger/ledger.service';
import { PurchaseLookups } from './purchase-lookups';
import { SpendAccountListDto } from './purchasing.dto';

@ApiTags('purchasing')
@Controller('businesses/:businessId/spend-accounts')
export class PurchasingController {
  constructor(
    private readonly db: Db,
    private readonly lookups: PurchaseLookups,
    private readonly ledger: LedgerService,
  ) {}

  @Get()
  @BusinessPermission('purchases.read')
  @ApiOperation({
    summary: 'Accounts spending can be booked to: expense categories, and assets such as equipment (for bill lines)',
    operationId: 'listSpendAccounts',
  })
  @ApiOkResponse({ type: SpendAccountListDto })
  list(@CurrentAccess() a: BusinessAccess): Promise<SpendAccountListDto> {
    return this.db.tenant(a.businessId, async (t) => ({
      items: (await this.lookups.spendAccounts(t, await this.ledger.today(t))).map((x) => ({
        id: x.id,
        code: x.code,
        name: x.name,
        type: x.type,
        subtype: x.subtype,
      })),
    }));
  }
}
