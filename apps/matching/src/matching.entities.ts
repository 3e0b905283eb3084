import { DispatchPlan } from './dispatch/dispatch-plan.entity';

export const matchingEntities = [DispatchPlan];
