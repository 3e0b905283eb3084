import 'reflect-metadata';
import { ListenSettings } from '@lingong/config';
import { createHttpApp, listen } from '@lingong/platform';
import { mountFrontDoor } from './front-door/mount-front-door';
import { WebModule } from './web.module';

async function main(): Promise<void> {
  const app = await createHttpApp(WebModule, {
    title: 'Lingong front door',
    description: 'Sign-in, staff accounts and development helpers. Every other /api route is forwarded to its service.',
  });
  await mountFrontDoor(app);
  const settings = app.get(ListenSettings);
  await listen(app, settings.WEB_PORT, settings.HOST);
}

void main();
