import type { Drill } from './drill';
import { badInputStorm } from './bad-input-storm';
import { bookingStorm } from './booking-storm';
import { kioskBoards } from './kiosk-boards';
import { postgresRestart } from './postgres-restart';
import { redisOutage } from './redis-outage';
import { twoOfEverything } from './two-of-everything';
import { workerKilled } from './worker-killed';

/** Every drill, in the order `npm run drill` runs them. */
export const drills: Drill[] = [workerKilled, redisOutage, postgresRestart, bookingStorm, badInputStorm, kioskBoards, twoOfEverything];
