import type { Drill } from './drill';
import { badInputStorm } from './bad-input-storm';
import { bookingStorm } from './booking-storm';
import { kioskBoards } from './kiosk-boards';
import { twoOfEverything } from './two-of-everything';
import { workerKilled } from './worker-killed';

/** Every drill, in the order `npm run drill` runs them. */
export const drills: Drill[] = [workerKilled, bookingStorm, badInputStorm, kioskBoards, twoOfEverything];
