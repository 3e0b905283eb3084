import { OutboxEvent } from '@lingong/outbox';
import { Notification } from './notifications/notification.entity';

export const workerEntities = [Notification, OutboxEvent];
