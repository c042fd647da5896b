import { InitialSchema1763800000000 } from './1763800000000-initial-schema';

/** Every migration, in order. Schema changes only ever come through here (never `synchronize`). */
export const MIGRATIONS = [InitialSchema1763800000000];
