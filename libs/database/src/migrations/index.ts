import { InitialSchema1795875764269 } from './1795875764269-initial-schema';

/** The one migration history, in order. Listed explicitly rather than globbed, so builds carry them. */
export const migrations = [InitialSchema1795875764269];
