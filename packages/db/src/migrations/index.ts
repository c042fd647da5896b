import { InitialSchema1763800000000 } from './1763800000000-initial-schema';
import { ReportsAndRollups1763900000000 } from './1763900000000-reports-and-rollups';

/** Every migration, in order. Schema changes only ever come through here (never `synchronize`). */
export const MIGRATIONS = [InitialSchema1763800000000, ReportsAndRollups1763900000000];
