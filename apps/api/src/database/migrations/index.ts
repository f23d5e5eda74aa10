import { Platform1763700000000 } from './1763700000000-platform';

/** Every migration, in order. New features append theirs here (explicit list: no glob at runtime). */
export const MIGRATIONS = [Platform1763700000000];
