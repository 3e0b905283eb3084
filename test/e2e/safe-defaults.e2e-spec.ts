import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { readExampleFile } from '@lingong/config';
import request from 'supertest';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { startMarket, type Market } from '../support/market';

const root = resolve(__dirname, '../..');
/** Secrets of this test's own, so an app may listen beyond loopback. */
const ownSecrets = {
  JWT_SECRET: 'a-secret-of-this-test-only-0123456789abcdef',
  RESIDENT_ID_KEY: 'a-resident-id-key-of-this-test-only-0123456789',
  BOOTSTRAP_ADMIN_PASSWORD: 'an-admin-password-of-this-test',
  SMS_INBOUND_SECRET: 'an-inbound-secret-of-this-test',
};

/** Starts the front door as its own process expecting it to refuse to start; answers what it said. */
function refusedStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/web/src/main.ts'], {
      cwd: root,
      env: { ...process.env, WEB_PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    // An app that starts after all is stopped, and the test sees it did not exit by itself.
    const started = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', (code) => {
      clearTimeout(started);
      done({ code, output });
    });
  });
}

/**
 * Nothing that reads sign-in codes or takes the published example secrets is reachable unless
 * switched on for local development on loopback; the compose file publishes nothing anyone on the
 * network can take over.
 */
describe('safe defaults', () => {
  let market: Market;
  let inboxOff: AppProcess;
  let inboxOn: AppProcess;
  let production: { code: number | null; output: string };
  let exampleSecretsOnNetwork: { code: number | null; output: string };

  beforeAll(async () => {
    market = await startMarket();
    const examples = readExampleFile(root);
    // One after another: started together on two cores they only take longer.
    inboxOff = await startAppProcess(market, 'web', { DEV_SMS_INBOX: 'false', NODE_ENV: 'development' });
    inboxOn = await startAppProcess(market, 'web', { ...ownSecrets, DEV_SMS_INBOX: 'true', HOST: '0.0.0.0', TRUST_PROXY: 'true' });
    production = await refusedStart({ ...ownSecrets, NODE_ENV: 'production', DEV_SMS_INBOX: 'true', HOST: '127.0.0.1' });
    const published = { JWT_SECRET: examples.JWT_SECRET!, BOOTSTRAP_ADMIN_PASSWORD: examples.BOOTSTRAP_ADMIN_PASSWORD! };
    exampleSecretsOnNetwork = await refusedStart({ ...published, NODE_ENV: 'development', HOST: '0.0.0.0' });
  }, 240_000);
  afterAll(async () => {
    await inboxOff?.stop();
    await inboxOn?.stop();
    await market.close();
  });

  it('has no development SMS inbox unless DEV_SMS_INBOX is switched on', async () => {
    const answer = await request(inboxOff.url).get('/api/dev/sms').query({ phone: '13700000601' }).expect(404);
    expect(answer.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('answers the inbox only to this machine, even when switched on', async () => {
    const web = inboxOn;
    await request(web.url).get('/api/dev/sms').query({ phone: '13700000601' }).expect(200);
    // A proxy on this machine passing on a request from elsewhere.
    await request(web.url).get('/api/dev/sms').query({ phone: '13700000601' }).set('x-forwarded-for', '203.0.113.5').expect(404);
    // Straight from the network, where this machine has an address on one.
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (lan) {
      const port = new URL(web.url).port;
      await request(`http://${lan.address}:${port}`).get('/api/dev/sms').query({ phone: '13700000601' }).expect(404);
    }
  });

  it('refuses to start in production with the inbox switched on', () => {
    const { code, output } = production;
    expect(code).not.toBe(0);
    expect(output).toContain('DEV_SMS_INBOX must be false when NODE_ENV=production');
  });

  it('refuses to start on the published example secrets unless listening on loopback only', () => {
    const { code, output } = exampleSecretsOnNetwork;
    expect(code).not.toBe(0);
    expect(output).toMatch(/JWT_SECRET is the published example value: set your own, or listen on loopback only/);
    expect(output).toMatch(/BOOTSTRAP_ADMIN_PASSWORD is the published example value/);
  });

  it('keeps the compose stack off the network by default, in production mode, on secrets of its own', () => {
    const compose = readFileSync(resolve(root, 'docker-compose.yml'), 'utf8');
    const published = [...compose.matchAll(/^\s+- "([^"]+)"\s*$/gm)].map((match) => match[1]!).filter((entry) => /:\d+$/.test(entry));
    expect(published.length).toBeGreaterThan(0);
    for (const port of published) expect(port).toMatch(/^\$\{[A-Z_]+:-127\.0\.0\.1:\d+\}:\d+$/);
    expect(compose).toMatch(/^\s+NODE_ENV: production$/m);
    expect(compose).toMatch(/^\s+DEV_SMS_INBOX: "false"$/m);
    for (const secret of ['JWT_SECRET', 'RESIDENT_ID_KEY', 'BOOTSTRAP_ADMIN_PASSWORD', 'SMS_INBOUND_SECRET']) {
      expect(compose).toMatch(new RegExp(`^\\s+${secret}: "\\$\\{${secret}:\\?[^}]+\\}"$`, 'm'));
    }
    const examples = readExampleFile(root);
    for (const value of [examples.JWT_SECRET!, examples.RESIDENT_ID_KEY!, examples.BOOTSTRAP_ADMIN_PASSWORD!])
      expect(compose).not.toContain(value);
  });
});
