import { InitialSchema1763683200000 } from './1763683200000-initial-schema';
import { Intake1763769600000 } from './1763769600000-intake';
import { RoutingSla1763942400000 } from './1763942400000-routing-sla';

/** Every migration, oldest first. A new migration is added here as well as to this folder. */
export const MIGRATIONS = [InitialSchema1763683200000, Intake1763769600000, RoutingSla1763942400000];
