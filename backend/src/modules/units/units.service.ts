import { Injectable } from '@nestjs/common';
import type { UnitView } from './units.dto';
import { UnitsRepository } from './units.repository';

@Injectable()
export class UnitsService {
  constructor(private readonly units: UnitsRepository) {}

  list(): Promise<UnitView[]> {
    return this.units.active();
  }
}
