import { OutboxEvent } from '@lingong/outbox';
import { Worker } from './workers/worker.entity';

export const workerProfileEntities = [Worker, OutboxEvent];
