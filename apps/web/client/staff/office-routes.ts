import type { RouteRecordRaw } from 'vue-router';

/**
 * The pages of the crews desk (劳务对接区) and the office behind (办公室), added by their own
 * change: router.ts spreads these into the console's routes. Paths are relative to /staff/.
 */
export const officeRoutes: RouteRecordRaw[] = [];
