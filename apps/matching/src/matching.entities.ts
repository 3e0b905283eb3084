import { OutboxEvent } from '@lingong/outbox';
import { DispatchPlan } from './dispatch/dispatch-plan.entity';
import { Offer } from './offers/offer.entity';

export const matchingEntities = [DispatchPlan, Offer, OutboxEvent];
