import { Injectable } from '@nestjs/common';
import { UnitsRepository, UnitView } from './units.repository';

@Injectable()
export class UnitsService {
  constructor(private readonly units: UnitsRepository) {}

  list(): Promise<UnitView[]> {
    return this.units.active();
  }
}
