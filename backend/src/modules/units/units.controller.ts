import { Get } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { UnitView, unitsResponse } from './units.dto';
import { UnitsService } from './units.service';
import { StaffApi } from '../auth/staff-route.decorator';

@StaffApi('units', 'api/v1/units', 'operator', 'ward_official', 'department_official', 'leader', 'admin')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOkResponse({ standardSchema: unitsResponse, description: 'The active handling units' })
  list(): Promise<UnitView[]> {
    return this.units.list();
  }
}
