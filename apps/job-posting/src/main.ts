import 'reflect-metadata';
import { ListenSettings } from '@lingong/config';
import { createHttpApp, listen } from '@lingong/platform';
import { JobPostingModule } from './job-posting.module';

async function main(): Promise<void> {
  const app = await createHttpApp(JobPostingModule, {
    title: 'Lingong job-posting',
    description: 'Employers, shifts, applications, bookings, attendance and ratings.',
  });
  const settings = app.get(ListenSettings);
  await listen(app, settings.JOB_POSTING_PORT, settings.HOST);
}

void main();
