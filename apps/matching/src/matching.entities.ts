import { OutboxEvent } from '@lingong/outbox';
import { DispatchPlan } from './dispatch/dispatch-plan.entity';
import { GatewayMessage } from './offers/gateway-message.entity';
import { Offer } from './offers/offer.entity';

export const matchingEntities = [DispatchPlan, Offer, GatewayMessage, OutboxEvent];
