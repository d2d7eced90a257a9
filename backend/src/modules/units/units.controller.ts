import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { UnitView, unitsResponse } from './units.dto';
import { UnitsService } from './units.service';

@ApiTags('units')
@ApiBearerAuth()
@Roles('operator', 'ward_official', 'department_official', 'leader', 'admin')
@Controller('api/v1/units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOkResponse({ standardSchema: unitsResponse, description: 'The active handling units' })
  list(): Promise<UnitView[]> {
    return this.units.list();
  }
}
