import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusinessPermission, CurrentAccess } from '../access/access.decorators';
import type { BusinessAccess } from '../access/principal';
import { DashboardService } from './dashboard.service';
import { DashboardDto } from './dto/dashboard.dto';

@ApiTags('reports')
@Controller('businesses/:businessId/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @BusinessPermission('dashboard.read')
  @ApiOperation({
    summary: 'Revenue by month, receivables, cash in and out over 30 days and top customers, in the base currency',
    operationId: 'getDashboard',
  })
  @ApiOkResponse({ type: DashboardDto })
  get(@CurrentAccess() a: BusinessAccess): Promise<DashboardDto> {
    return this.dashboard.get(a);
  }
}
