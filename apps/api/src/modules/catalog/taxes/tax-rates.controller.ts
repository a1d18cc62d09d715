import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorBodyDto } from '../../../common/error-body.dto';
import { BusinessPermission, CurrentAccess } from '../../access/access.decorators';
import type { BusinessAccess } from '../../access/principal';
import { CreateTaxRateDto, ListTaxRatesQueryDto, TaxRateDto, TaxRateListDto, UpdateTaxRateDto } from './dto/tax-rate.dto';
import { TaxRatesService } from './tax-rates.service';

const taxRateId = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('tax rates')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field' })
@Controller('businesses/:businessId/tax-rates')
export class TaxRatesController {
  constructor(private readonly rates: TaxRatesService) {}

  // Everyone who picks products picks their tax rates, so reading them goes with products.read.
  @Get()
  @BusinessPermission('products.read')
  @ApiOperation({ summary: 'Tax rates of the business, by name', operationId: 'listTaxRates' })
  @ApiOkResponse({ type: TaxRateListDto })
  list(@CurrentAccess() a: BusinessAccess, @Query() q: ListTaxRatesQueryDto) {
    return this.rates.list(a, q);
  }

  @Post()
  @BusinessPermission('taxes.manage')
  @ApiOperation({ summary: 'Add a tax rate (the first one becomes the default)', operationId: 'createTaxRate' })
  @ApiCreatedResponse({ type: TaxRateDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'TAX_RATE_NAME_TAKEN' })
  create(@CurrentAccess() a: BusinessAccess, @Body() dto: CreateTaxRateDto) {
    return this.rates.create(a, dto);
  }

  @Get(':taxRateId')
  @BusinessPermission('products.read')
  @ApiOperation({ summary: 'One tax rate', operationId: 'getTaxRate' })
  @ApiOkResponse({ type: TaxRateDto })
  get(@CurrentAccess() a: BusinessAccess, @Param('taxRateId', taxRateId) id: string) {
    return this.rates.get(a, id);
  }

  @Patch(':taxRateId')
  @BusinessPermission('taxes.manage')
  @ApiOperation({ summary: 'Rename, change the percentage or make it the default', operationId: 'updateTaxRate' })
  @ApiOkResponse({ type: TaxRateDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'TAX_RATE_NAME_TAKEN' })
  update(@CurrentAccess() a: BusinessAccess, @Param('taxRateId', taxRateId) id: string, @Body() dto: UpdateTaxRateDto) {
    return this.rates.update(a, id, dto);
  }

  @Post(':taxRateId/deactivate')
  @BusinessPermission('taxes.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop offering a tax rate (what uses it keeps it)', operationId: 'deactivateTaxRate' })
  @ApiOkResponse({ type: TaxRateDto })
  deactivate(@CurrentAccess() a: BusinessAccess, @Param('taxRateId', taxRateId) id: string) {
    return this.rates.setActive(a, id, false);
  }

  @Post(':taxRateId/activate')
  @BusinessPermission('taxes.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Offer a deactivated tax rate again', operationId: 'activateTaxRate' })
  @ApiOkResponse({ type: TaxRateDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'TAX_RATE_NAME_TAKEN' })
  activate(@CurrentAccess() a: BusinessAccess, @Param('taxRateId', taxRateId) id: string) {
    return this.rates.setActive(a, id, true);
  }
}
