import 'reflect-metadata';
import { ListenSettings } from '@lingong/config';
import { createHttpApp, listen } from '@lingong/platform';
import { mountQueueBoard } from './queue-board/mount-queue-board';
import { WorkerModule } from './worker.module';

/** The worker serves only health checks and docs over HTTP; its work comes from the queues. */
async function main(): Promise<void> {
  const app = await createHttpApp(WorkerModule, {
    title: 'Lingong worker',
    description: 'Queue processors: outbox relay, matching runs, SMS notifications. HTTP serves health, and the queue board for staff at /queues.',
  });
  await mountQueueBoard(app);
  const settings = app.get(ListenSettings);
  await listen(app, settings.WORKER_PORT, settings.HOST);
}

void main();
