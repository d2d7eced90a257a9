import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '../auth/roles.decorator';
import { UnitView, unitViewSchema } from './units.dto';
import { UnitsService } from './units.service';

@ApiTags('units')
@ApiBearerAuth()
@Roles('operator', 'ward_official', 'department_official', 'leader', 'admin')
@Controller('api/v1/units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOkResponse({ standardSchema: z.array(unitViewSchema) })
  list(): Promise<UnitView[]> {
    return this.units.list();
  }
}
