import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorBodyDto } from '../../../common/error-body.dto';
import { BusinessPermission, CurrentAccess } from '../../access/access.decorators';
import type { BusinessAccess } from '../../access/principal';
import { ImportPreviewDto } from '../catalog.dto';
import { csvAttachment } from '../csv/csv-response';
import {
  CreateProductDto,
  ListProductsQueryDto,
  ProductDto,
  ProductFilterDto,
  ProductImportPreviewRequestDto,
  ProductImportResultDto,
  ProductImportRequestDto,
  ProductPageDto,
  UpdateProductDto,
} from './dto/product.dto';
import { ProductsService } from './products.service';

const productId = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('products')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field' })
@Controller('businesses/:businessId/products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Get()
  @BusinessPermission('products.read')
  @ApiOperation({ summary: 'Products and services: search, filter, sort, page', operationId: 'listProducts' })
  @ApiOkResponse({ type: ProductPageDto })
  list(@CurrentAccess() a: BusinessAccess, @Query() q: ListProductsQueryDto) {
    return this.products.list(a, q);
  }

  @Post()
  @BusinessPermission('products.write')
  @ApiOperation({ summary: 'Add a product or service', operationId: 'createProduct' })
  @ApiCreatedResponse({ type: ProductDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'SKU_TAKEN' })
  create(@CurrentAccess() a: BusinessAccess, @Body() dto: CreateProductDto) {
    return this.products.create(a, dto);
  }

  @Get('export.csv')
  @BusinessPermission('products.read')
  @ApiOperation({ summary: 'The products matching the list filters, as CSV', operationId: 'exportProducts' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV (UTF-8 with BOM), columns as in the import', content: { 'text/csv': { schema: { type: 'string' } } } })
  async export(@CurrentAccess() a: BusinessAccess, @Query() q: ProductFilterDto, @Res({ passthrough: true }) res: Response) {
    return csvAttachment(res, await this.products.exportCsv(a, q));
  }

  @Post('import/preview')
  @BusinessPermission('products.write')
  @HttpCode(200)
  @ApiOperation({ summary: "Check a products CSV without importing: parsed rows and each row's errors", operationId: 'previewProductImport' })
  @ApiOkResponse({ type: ImportPreviewDto })
  preview(@CurrentAccess() a: BusinessAccess, @Body() dto: ProductImportPreviewRequestDto) {
    return this.products.previewImport(a, dto.csv);
  }

  @Post('import')
  @BusinessPermission('products.write')
  @ApiOperation({ summary: 'Import products from CSV, all or nothing or only the valid rows', operationId: 'importProducts' })
  @ApiCreatedResponse({ type: ProductImportResultDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'SKU_TAKEN: a product with a SKU of the file was added meanwhile' })
  import(@CurrentAccess() a: BusinessAccess, @Body() dto: ProductImportRequestDto) {
    return this.products.importCsv(a, dto.csv, dto.mode);
  }

  @Get(':productId')
  @BusinessPermission('products.read')
  @ApiOperation({ summary: 'One product or service', operationId: 'getProduct' })
  @ApiOkResponse({ type: ProductDto })
  get(@CurrentAccess() a: BusinessAccess, @Param('productId', productId) id: string) {
    return this.products.get(a, id);
  }

  @Patch(':productId')
  @BusinessPermission('products.write')
  @ApiOperation({ summary: 'Change a product; null clears an optional field', operationId: 'updateProduct' })
  @ApiOkResponse({ type: ProductDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'SKU_TAKEN' })
  update(@CurrentAccess() a: BusinessAccess, @Param('productId', productId) id: string, @Body() dto: UpdateProductDto) {
    return this.products.update(a, id, dto);
  }

  @Post(':productId/deactivate')
  @BusinessPermission('products.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop offering a product (documents keep it)', operationId: 'deactivateProduct' })
  @ApiOkResponse({ type: ProductDto })
  deactivate(@CurrentAccess() a: BusinessAccess, @Param('productId', productId) id: string) {
    return this.products.setActive(a, id, false);
  }

  @Post(':productId/activate')
  @BusinessPermission('products.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Offer a deactivated product again', operationId: 'activateProduct' })
  @ApiOkResponse({ type: ProductDto })
  activate(@CurrentAccess() a: BusinessAccess, @Param('productId', productId) id: string) {
    return this.products.setActive(a, id, true);
  }

  @Delete(':productId')
  @BusinessPermission('products.write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a product no document refers to', operationId: 'deleteProduct' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'PRODUCT_IN_USE: documents refer to it; deactivate it instead' })
  async delete(@CurrentAccess() a: BusinessAccess, @Param('productId', productId) id: string): Promise<void> {
    await this.products.delete(a, id);
  }
}
