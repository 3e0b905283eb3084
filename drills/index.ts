import type { Drill } from './drill';
import { badInputStorm } from './bad-input-storm';
import { bookingStorm } from './booking-storm';

/** Every drill, in the order `npm run drill` runs them. */
export const drills: Drill[] = [bookingStorm, badInputStorm];
