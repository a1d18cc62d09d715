import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorBodyDto } from '../../../common/error-body.dto';
import { BusinessPermission, CurrentAccess } from '../../access/access.decorators';
import type { BusinessAccess } from '../../access/principal';
import {
  ConvertedSuggestionDto,
  ConvertSuggestionDto,
  CreateReorderRuleDto,
  ReorderRuleDto,
  ReorderRulePageDto,
  ReorderRuleQueryDto,
  ReorderSuggestionDto,
  ReorderSuggestionPageDto,
  ReorderSuggestionQueryDto,
  UpdateReorderRuleDto,
} from './reorder.dto';
import { ReorderService } from './reorder.service';

const id = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('inventory')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field' })
@Controller('businesses/:businessId')
export class ReorderController {
  constructor(private readonly reorder: ReorderService) {}

  @Get('reorder-rules')
  @BusinessPermission('inventory.read')
  @ApiOperation({ summary: 'Reorder points per product and location, with the stock they watch', operationId: 'listReorderRules' })
  @ApiOkResponse({ type: ReorderRulePageDto })
  rules(@CurrentAccess() a: BusinessAccess, @Query() q: ReorderRuleQueryDto) {
    return this.reorder.listRules(a, q);
  }

  @Post('reorder-rules')
  @BusinessPermission('inventory.write')
  @ApiOperation({ summary: 'Set a reorder point and quantity for a product at a location', operationId: 'createReorderRule' })
  @ApiCreatedResponse({ type: ReorderRuleDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'REORDER_RULE_EXISTS' })
  createRule(@CurrentAccess() a: BusinessAccess, @Body() dto: CreateReorderRuleDto) {
    return this.reorder.createRule(a, dto);
  }

  @Patch('reorder-rules/:ruleId')
  @BusinessPermission('inventory.write')
  @ApiOperation({ summary: 'Change a reorder rule (an open suggestion follows it)', operationId: 'updateReorderRule' })
  @ApiOkResponse({ type: ReorderRuleDto })
  updateRule(@CurrentAccess() a: BusinessAccess, @Param('ruleId', id) ruleId: string, @Body() dto: UpdateReorderRuleDto) {
    return this.reorder.updateRule(a, ruleId, dto);
  }

  @Delete('reorder-rules/:ruleId')
  @BusinessPermission('inventory.write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop watching this product here (its open suggestion is closed)', operationId: 'deleteReorderRule' })
  @ApiNoContentResponse()
  async deleteRule(@CurrentAccess() a: BusinessAccess, @Param('ruleId', id) ruleId: string): Promise<void> {
    await this.reorder.deleteRule(a, ruleId);
  }

  @Get('reorder-suggestions')
  @BusinessPermission('inventory.read')
  @ApiOperation({ summary: 'What to order: one suggestion per low-stock alert, newest first', operationId: 'listReorderSuggestions' })
  @ApiOkResponse({ type: ReorderSuggestionPageDto })
  suggestions(@CurrentAccess() a: BusinessAccess, @Query() q: ReorderSuggestionQueryDto) {
    return this.reorder.listSuggestions(a, q);
  }

  @Post('reorder-suggestions/:suggestionId/dismiss')
  @BusinessPermission('inventory.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dismiss a suggestion (the next low-stock alert raises a new one)', operationId: 'dismissReorderSuggestion' })
  @ApiOkResponse({ type: ReorderSuggestionDto })
  dismiss(@CurrentAccess() a: BusinessAccess, @Param('suggestionId', id) suggestionId: string) {
    return this.reorder.dismissSuggestion(a, suggestionId);
  }

  @Post('reorder-suggestions/:suggestionId/convert')
  @BusinessPermission('inventory.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Turn a suggestion into a draft purchase order', operationId: 'convertReorderSuggestion' })
  @ApiOkResponse({ type: ConvertedSuggestionDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'PURCHASE_ORDERS_UNAVAILABLE; CONFLICT: dismissed' })
  convert(@CurrentAccess() a: BusinessAccess, @Param('suggestionId', id) suggestionId: string, @Body() dto: ConvertSuggestionDto) {
    return this.reorder.convertSuggestion(a, suggestionId, dto);
  }
}
