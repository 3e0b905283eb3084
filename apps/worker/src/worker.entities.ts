import { OutboxEvent } from '@lingong/outbox';
import { Erasure } from './erasure/erasure.entity';
import { Notification } from './notifications/notification.entity';

export const workerEntities = [Notification, Erasure, OutboxEvent];
