import 'reflect-metadata';
import { ListenSettings } from '@lingong/config';
import { createHttpApp, listen } from '@lingong/platform';
import { mountQueueBoard } from './queue-board/mount-queue-board';
import { WorkerModule } from './worker.module';

/** The worker's work comes from the queues; over HTTP it serves health, docs and the staff queue board. */
async function main(): Promise<void> {
  const app = await createHttpApp(WorkerModule, {
    title: 'Lingong worker',
    description:
      'Queue processors: outbox relay, domain events (asking matching to run), reminders, offer expiries, SMS notifications. HTTP serves health, and the queue board for staff at /queues.',
  });
  await mountQueueBoard(app);
  const settings = app.get(ListenSettings);
  await listen(app, settings.WORKER_PORT, settings.HOST);
}

void main();
