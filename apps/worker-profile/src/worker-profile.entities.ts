import { OutboxEvent } from '@lingong/outbox';
import { WorkerConsent } from './workers/worker-consent.entity';
import { Worker } from './workers/worker.entity';

export const workerProfileEntities = [Worker, WorkerConsent, OutboxEvent];
