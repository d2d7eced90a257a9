import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { UnitView } from './units.repository';
import { UnitsService } from './units.service';

@ApiTags('units')
@ApiBearerAuth()
@Roles('operator', 'ward_official', 'department_official', 'leader', 'admin')
@Controller('api/v1/units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  list(): Promise<UnitView[]> {
    return this.units.list();
  }
}
