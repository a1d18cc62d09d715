import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorBodyDto } from '../../../common/error-body.dto';
import { BusinessPermission, CurrentAccess, Public } from '../../access/access.decorators';
import type { BusinessAccess } from '../../access/principal';
import { PublicLinkDto, SendInvoiceDto } from '../../invoice-documents/dto/invoice-documents.dto';
import { DeclineQuoteDto, PublicQuoteDto, QuoteDraftDto, QuoteDto, QuoteListQueryDto, QuotePageDto, QuoteSendDto } from './dto/quote.dto';
import { QuotesService } from './quotes.service';

const id = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('quotes')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field, e.g. lines.0.quantity' })
@Controller('businesses/:businessId/quotes')
export class QuotesController {
  constructor(private readonly quotes: QuotesService) {}

  @Get()
  @BusinessPermission('quotes.read')
  @ApiOperation({ summary: 'Quotes, newest first; filter by status (expired = sent and past its validity), customer or text', operationId: 'listQuotes' })
  @ApiOkResponse({ type: QuotePageDto })
  list(@CurrentAccess() a: BusinessAccess, @Query() q: QuoteListQueryDto) {
    return this.quotes.list(a, q);
  }

  @Post()
  @BusinessPermission('quotes.write')
  @ApiOperation({ summary: 'Create a draft quote (numbered at once)', operationId: 'createQuote' })
  @ApiCreatedResponse({ type: QuoteDto })
  create(@CurrentAccess() a: BusinessAccess, @Body() dto: QuoteDraftDto): Promise<QuoteDto> {
    return this.quotes.create(a, dto);
  }

  @Get(':quoteId')
  @BusinessPermission('quotes.read')
  @ApiOperation({ summary: 'A quote with its lines, totals, emails and the order it became', operationId: 'getQuote' })
  @ApiOkResponse({ type: QuoteDto })
  get(@CurrentAccess() a: BusinessAccess, @Param('quoteId', id) quoteId: string): Promise<QuoteDto> {
    return this.quotes.get(a, quoteId);
  }

  @Patch(':quoteId')
  @BusinessPermission('quotes.write')
  @ApiOperation({ summary: 'Replace a draft quote; revising a sent or expired quote makes it a draft again', operationId: 'updateQuote' })
  @ApiOkResponse({ type: QuoteDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The quote is accepted or declined' })
  update(@CurrentAccess() a: BusinessAccess, @Param('quoteId', id) quoteId: string, @Body() dto: QuoteDraftDto): Promise<QuoteDto> {
    return this.quotes.update(a, quoteId, dto);
  }

  @Delete(':quoteId')
  @BusinessPermission('quotes.write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft quote that was never sent', operationId: 'deleteQuote' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The quote has been sent' })
  async remove(@CurrentAccess() a: BusinessAccess, @Param('quoteId', id) quoteId: string): Promise<void> {
    await this.quotes.remove(a, quoteId);
  }

  @Post(':quoteId/send')
  @BusinessPermission('quotes.write')
  @HttpCode(202)
  @ApiOperation({ summary: "Email the quote (PDF attached, with its public link); to the customer's address unless `to` is given", operationId: 'sendQuote' })
  @ApiAcceptedResponse({ type: QuoteSendDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'Accepted, declined, past its validity date, or for nothing' })
  send(@CurrentAccess() a: BusinessAccess, @Param('quoteId', id) quoteId: string, @Body() dto: SendInvoiceDto): Promise<QuoteSendDto> {
    return this.quotes.send(a, quoteId, dto);
  }

  @Post(':quoteId/accept')
  @BusinessPermission('quotes.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'The customer accepted: convert the quote into a draft sales order (idempotent)', operationId: 'acceptQuote' })
  @ApiOkResponse({ type: QuoteDto, description: '`salesOrder` is the order, the same one however often this is called' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'Declined, or past its validity date' })
  accept(@CurrentAccess() a: BusinessAccess, @Param('quoteId', id) quoteId: string): Promise<QuoteDto> {
    return this.quotes.accept(a, quoteId);
  }

  @Post(':quoteId/decline')
  @BusinessPermission('quotes.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'The customer declined the quote', operationId: 'declineQuote' })
  @ApiOkResponse({ type: QuoteDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'Already accepted' })
  decline(@CurrentAccess() a: BusinessAccess, @Param('quoteId', id) quoteId: string, @Body() dto: DeclineQuoteDto): Promise<QuoteDto> {
    return this.quotes.decline(a, quoteId, dto);
  }

  @Get(':quoteId/public-link')
  @BusinessPermission('quotes.read')
  @ApiOperation({ summary: 'The link where the customer can view the quote', operationId: 'getQuotePublicLink' })
  @ApiOkResponse({ type: PublicLinkDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The quote is a draft' })
  publicLink(@CurrentAccess() a: BusinessAccess, @Param('quoteId', id) quoteId: string) {
    return this.quotes.publicLink(a, quoteId);
  }
}

/** The customer's side of the public link: the token is the credential, no session. */
@ApiTags('public')
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No quote has this link' })
@Controller('public/quotes/:token')
export class PublicQuotesController {
  constructor(private readonly quotes: QuotesService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'A quote by its public link', operationId: 'getPublicQuote' })
  @ApiOkResponse({ type: PublicQuoteDto })
  async view(@Param('token') token: string, @Res({ passthrough: true }) res: Response): Promise<PublicQuoteDto> {
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Robots-Tag', 'noindex, nofollow');
    return this.quotes.publicView(token);
  }
}
