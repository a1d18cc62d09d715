import { Body, Controller, Delete, Get, HttpCode, Injectable, NestMiddleware, Param, ParseUUIDPipe, Post, Put, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ErrorBodyDto } from '../../../common/error-body.dto';
import { BusinessPermission, CurrentAccess } from '../../access/access.decorators';
import type { BusinessAccess } from '../../access/principal';
import { csvAttachment } from '../../catalog/csv/csv-response';
import { ReasonDto } from '../purchasing.dto';
import { CreateExpenseDto, ExpenseDto, ExpenseListQueryDto, ExpensePageDto, ReceiptUploadQueryDto } from './dto/expense.dto';
import { ExpensesService } from './expenses.service';
import { RECEIPT_MAX_BYTES, RECEIPT_TYPES, tooLarge } from './receipt-file';

const id = new ParseUUIDPipe({ errorHttpStatusCode: 404 });
const raw = express.raw({ type: [...RECEIPT_TYPES], limit: RECEIPT_MAX_BYTES });

/** Reads a receipt upload's bytes (the app's JSON parser leaves other content types alone). */
@Injectable()
export class ReceiptBodyMiddleware implements NestMiddleware {
  async use(req: Request, res: Response, next: NextFunction) {
    await new Promise<void>((resolve, reject) =>
      raw(req, res, (err?: unknown) => {
        if (!err) return resolve();
        reject((err as { type?: string }).type === 'entity.too.large' ? tooLarge() : err);
      }),
    );
    next();
  }
}

@ApiTags('expenses')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field' })
@Controller('businesses/:businessId/expenses')
export class ExpensesController {
  constructor(private readonly expenses: ExpensesService) {}

  @Get()
  @BusinessPermission('expenses.read')
  @ApiOperation({ summary: 'Expenses, newest first; filter by status, category, supplier, how paid, dates or text', operationId: 'listExpenses' })
  @ApiOkResponse({ type: ExpensePageDto })
  list(@CurrentAccess() a: BusinessAccess, @Query() q: ExpenseListQueryDto) {
    return this.expenses.list(a, q);
  }

  @Get('export.csv')
  @BusinessPermission('expenses.read')
  @ApiOperation({ summary: 'The expenses matching the list filters, as CSV', operationId: 'exportExpenses' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: { type: 'string' } } } })
  async export(@CurrentAccess() a: BusinessAccess, @Query() q: ExpenseListQueryDto, @Res({ passthrough: true }) res: Response) {
    return csvAttachment(res, await this.expenses.exportCsv(a, q));
  }

  @Post()
  @BusinessPermission('expenses.write')
  @ApiOperation({ summary: 'Record an expense and post it (paid from cash or bank, or owed to a supplier)', operationId: 'createExpense' })
  @ApiCreatedResponse({ type: ExpenseDto })
  create(@CurrentAccess() a: BusinessAccess, @Body() dto: CreateExpenseDto): Promise<ExpenseDto> {
    return this.expenses.create(a, dto);
  }

  @Get(':expenseId')
  @BusinessPermission('expenses.read')
  @ApiOperation({ summary: 'An expense', operationId: 'getExpense' })
  @ApiOkResponse({ type: ExpenseDto })
  get(@CurrentAccess() a: BusinessAccess, @Param('expenseId', id) expenseId: string): Promise<ExpenseDto> {
    return this.expenses.get(a, expenseId);
  }

  @Post(':expenseId/void')
  @BusinessPermission('expenses.void')
  @HttpCode(200)
  @ApiOperation({ summary: 'Void an expense (posts a reversing entry)', operationId: 'voidExpense' })
  @ApiOkResponse({ type: ExpenseDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'Payments to the supplier are applied to it' })
  void(@CurrentAccess() a: BusinessAccess, @Param('expenseId', id) expenseId: string, @Body() dto: ReasonDto) {
    return this.expenses.void(a, expenseId, dto.reason);
  }

  @Put(':expenseId/receipt')
  @BusinessPermission('expenses.write')
  @ApiOperation({
    summary: `Attach the receipt: the file's bytes as the body, with its Content-Type (JPEG, PNG, WebP or PDF, at most ${RECEIPT_MAX_BYTES / 1024 / 1024} MB)`,
    operationId: 'putExpenseReceipt',
  })
  @ApiConsumes(...RECEIPT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: ExpenseDto })
  @ApiPayloadTooLargeResponse({ type: ErrorBodyDto, description: 'The file is too large' })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorBodyDto, description: 'Not an image or PDF, or the bytes are not what the Content-Type says' })
  putReceipt(@CurrentAccess() a: BusinessAccess, @Param('expenseId', id) expenseId: string, @Query() q: ReceiptUploadQueryDto, @Req() req: Request) {
    return this.expenses.attachReceipt(a, expenseId, { body: req.body, contentType: req.header('content-type'), fileName: q.fileName });
  }

  @Get(':expenseId/receipt')
  @BusinessPermission('expenses.read')
  @ApiOperation({ summary: 'The receipt file, as uploaded', operationId: 'getExpenseReceipt' })
  @ApiProduces(...RECEIPT_TYPES)
  @ApiOkResponse({ description: 'The file', content: Object.fromEntries(RECEIPT_TYPES.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) })
  async receipt(@CurrentAccess() a: BusinessAccess, @Param('expenseId', id) expenseId: string, @Res({ passthrough: true }) res: Response) {
    const file = await this.expenses.receipt(a, expenseId);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const ascii = file.fileName.replace(/[^A-Za-z0-9._-]/g, '_');
    return new StreamableFile(file.content, {
      type: file.contentType,
      length: file.content.length,
      disposition: `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }

  @Delete(':expenseId/receipt')
  @BusinessPermission('expenses.write')
  @ApiOperation({ summary: 'Remove the receipt file', operationId: 'deleteExpenseReceipt' })
  @ApiOkResponse({ type: ExpenseDto })
  removeReceipt(@CurrentAccess() a: BusinessAccess, @Param('expenseId', id) expenseId: string) {
    return this.expenses.removeReceipt(a, expenseId);
  }
}
