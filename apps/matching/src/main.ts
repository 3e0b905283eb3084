import 'reflect-metadata';
import { ListenSettings } from '@lingong/config';
import { createHttpApp, listen } from '@lingong/platform';
import { MatchingModule } from './matching.module';

async function main(): Promise<void> {
  const app = await createHttpApp(MatchingModule, {
    title: 'Lingong matching',
    description: 'Candidate retrieval and ranking with explanations, offers, referrals and bulk dispatch.',
  });
  const settings = app.get(ListenSettings);
  await listen(app, settings.MATCHING_PORT, settings.HOST);
}

void main();
