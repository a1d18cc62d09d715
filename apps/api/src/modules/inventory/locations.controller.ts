import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorBodyDto } from '../../common/error-body.dto';
import { BusinessPermission, CurrentAccess } from '../access/access.decorators';
import type { BusinessAccess } from '../access/principal';
import { LocationDto, LocationInputDto, LocationListDto, LocationListQueryDto } from './dto/inventory.dto';
import { InventoryService } from './inventory.service';

const id = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('inventory')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field' })
@Controller('businesses/:businessId/locations')
export class LocationsController {
  constructor(private readonly inventory: InventoryService) {}

  @Get()
  @BusinessPermission('inventory.read')
  @ApiOperation({ summary: 'Warehouses and shops, the default first', operationId: 'listLocations' })
  @ApiOkResponse({ type: LocationListDto })
  list(@CurrentAccess() a: BusinessAccess, @Query() q: LocationListQueryDto) {
    return this.inventory.listLocations(a, q.includeArchived === 'true');
  }

  @Post()
  @BusinessPermission('inventory.manage')
  @ApiOperation({ summary: 'Add a warehouse or shop', operationId: 'createLocation' })
  @ApiCreatedResponse({ type: LocationDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'LOCATION_CODE_TAKEN' })
  create(@CurrentAccess() a: BusinessAccess, @Body() dto: LocationInputDto) {
    return this.inventory.createLocation(a, dto);
  }

  @Get(':locationId')
  @BusinessPermission('inventory.read')
  @ApiOperation({ summary: 'One location with the value of its stock', operationId: 'getLocation' })
  @ApiOkResponse({ type: LocationDto })
  get(@CurrentAccess() a: BusinessAccess, @Param('locationId', id) locationId: string) {
    return this.inventory.getLocation(a, locationId);
  }

  @Patch(':locationId')
  @BusinessPermission('inventory.manage')
  @ApiOperation({ summary: 'Rename or re-code a location', operationId: 'updateLocation' })
  @ApiOkResponse({ type: LocationDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'LOCATION_CODE_TAKEN' })
  update(@CurrentAccess() a: BusinessAccess, @Param('locationId', id) locationId: string, @Body() dto: LocationInputDto) {
    return this.inventory.updateLocation(a, locationId, dto);
  }

  @Post(':locationId/make-default')
  @BusinessPermission('inventory.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Make this the location documents use unless they say otherwise', operationId: 'makeDefaultLocation' })
  @ApiOkResponse({ type: LocationDto })
  makeDefault(@CurrentAccess() a: BusinessAccess, @Param('locationId', id) locationId: string) {
    return this.inventory.makeDefaultLocation(a, locationId);
  }

  @Post(':locationId/archive')
  @BusinessPermission('inventory.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Archive an empty location (its history stays)', operationId: 'archiveLocation' })
  @ApiOkResponse({ type: LocationDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'LOCATION_IN_USE: stock on hand or the default' })
  archive(@CurrentAccess() a: BusinessAccess, @Param('locationId', id) locationId: string) {
    return this.inventory.setLocationArchived(a, locationId, true);
  }

  @Post(':locationId/restore')
  @BusinessPermission('inventory.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Bring an archived location back', operationId: 'restoreLocation' })
  @ApiOkResponse({ type: LocationDto })
  restore(@CurrentAccess() a: BusinessAccess, @Param('locationId', id) locationId: string) {
    return this.inventory.setLocationArchived(a, locationId, false);
  }
}
