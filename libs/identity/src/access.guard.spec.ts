import { ServiceUnavailableException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { DataSource } from 'typeorm';
import { AccessGuard } from './access.guard';
import { AccountStanding } from './account-standing';
import { PUBLIC_ROUTE, type RequestWithAccount } from './decorators';

const jwt = new JwtService({ secret: 'a-test-secret-of-at-least-32-characters!', signOptions: { algorithm: 'HS256' } });
const accountId = '5f0c2a4e-8d1b-4c3a-9e2f-0a1b2c3d4e5f';

function setup(rows: () => Promise<unknown[]>) {
  const query = jest.fn(rows);
  const guard = new AccessGuard(new Reflector(), jwt, new AccountStanding({ query } as unknown as DataSource));
  const run = async (token: string | undefined, isPublic = false) => {
    const request: RequestWithAccount = { headers: token ? { authorization: `Bearer ${token}` } : {} };
    const handler = () => undefined;
    if (isPublic) Reflect.defineMetadata(PUBLIC_ROUTE, true, handler);
    const context = {
      getType: () => 'http',
      getHandler: () => handler,
      getClass: () => class {},
      switchToHttp: () => ({ getRequest: () => request }),
    };
    const allowed = await guard.canActivate(context as unknown as ExecutionContext);
    return { allowed, account: request.account };
  };
  return { run, query };
}

const token = (gen?: number) => jwt.signAsync({ sub: accountId, phone: '13900000001', role: 'staff', ...(gen !== undefined && { gen }) });

describe('AccessGuard', () => {
  it('admits a token whose account stands, reading it by primary key', async () => {
    const { run, query } = setup(async () => [{ disabled: false, generation: 2 }]);
    await expect(run(await token(2))).resolves.toMatchObject({ allowed: true, account: { id: accountId, role: 'staff' } });
    expect(query).toHaveBeenCalledWith(expect.stringContaining('FROM accounts WHERE id = $1 AND role = $2'), [accountId, 'staff']);
  });

  it.each([
    ['gone (an erased seeker’s)', []],
    ['disabled', [{ disabled: true, generation: 0 }]],
    ['revoked since it was issued', [{ disabled: false, generation: 1 }]],
  ])('refuses a well-signed token whose account is %s, with TOKEN_REVOKED', async (_, rows) => {
    const { run } = setup(async () => rows);
    const refused = await run(await token()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnauthorizedException);
    expect((refused as UnauthorizedException).getResponse()).toMatchObject({ code: 'TOKEN_REVOKED' });
  });

  it('fails closed when the check cannot be made: 503 on a private route, anonymous on a public one', async () => {
    const { run } = setup(async () => Promise.reject(new Error('connection terminated')));
    await expect(run(await token())).rejects.toBeInstanceOf(ServiceUnavailableException);
    await expect(run(await token(), true)).resolves.toEqual({ allowed: true, account: undefined });
  });

  it('does not look up service tokens, which name no account', async () => {
    const { run, query } = setup(async () => []);
    const service = await jwt.signAsync({ sub: 'service:worker', phone: '', role: 'service' });
    await expect(run(service)).resolves.toMatchObject({ allowed: true, account: { role: 'service' } });
    expect(query).not.toHaveBeenCalled();
  });

  it('never looks up a token it did not sign', async () => {
    const { run, query } = setup(async () => [{ disabled: false, generation: 0 }]);
    const forged = await new JwtService({ secret: 'another-secret-of-at-least-32-characters' }).signAsync({
      sub: accountId,
      phone: '1',
      role: 'admin',
    });
    await expect(run(forged)).rejects.toBeInstanceOf(UnauthorizedException);
    expect(query).not.toHaveBeenCalled();
  });
});
