import 'reflect-metadata';
import { ListenSettings } from '@lingong/config';
import { createHttpApp, listen } from '@lingong/platform';
import { WorkerProfileModule } from './worker-profile.module';

async function main(): Promise<void> {
  const app = await createHttpApp(WorkerProfileModule, {
    title: 'Lingong worker-profile',
    description: 'Seekers: profiles, skills, certificates, availability, consent and priority groups.',
  });
  const settings = app.get(ListenSettings);
  await listen(app, settings.WORKER_PROFILE_PORT, settings.HOST);
}

void main();
