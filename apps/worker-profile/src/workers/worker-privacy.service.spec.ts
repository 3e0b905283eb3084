import type { EntityManager } from 'typeorm';
import type { SignedInAccount } from '@lingong/identity';
import { Clock, NotFoundDomainException } from '@lingong/platform';
import { strictMock } from '../../../../test/support/strict-mock';
import type { SignInAccountsClient } from './sign-in-accounts.client';
import type { Worker } from './worker.entity';
import type { WorkerExportRepository } from './worker-export.repository';
import type { WorkerPresenter } from './worker.presenter';
import { erasedProfile, WorkerPrivacyService } from './worker-privacy.service';
import type { WorkersRepository } from './workers.repository';
import type { WorkersService } from './workers.service';

const now = new Date('2026-12-01T10:00:00+08:00');
const seeker: SignedInAccount = { id: 'acc-seeker', phone: '13700000001', role: 'worker' };
const staff: SignedInAccount = { id: 'acc-staff', phone: '13900000001', role: 'staff' };
const mine = { id: 'w1', accountId: seeker.id, phone: seeker.phone, status: 'active' } as Worker;

function setup(workers: Partial<Record<keyof WorkersRepository, unknown>>, endSeekerSignIn = jest.fn(async () => undefined)) {
  const query = jest.fn(async () => [{ id: 'event-1' }]);
  const manager = { query, getRepository: () => ({ metadata: { tableName: 'outbox_events' } }) } as unknown as EntityManager;
  const service = new WorkerPrivacyService(
    strictMock<WorkersService>({ own: async () => mine }),
    strictMock<WorkersRepository>({ transaction: async <T>(work: (m: EntityManager) => Promise<T>) => work(manager), ...workers }),
    strictMock<WorkerExportRepository>({}),
    strictMock<WorkerPresenter>({}),
    strictMock<SignInAccountsClient>({ endSeekerSignIn }),
    strictMock<Clock>({ now: () => now }),
  );
  return { service, manager, query, endSeekerSignIn };
}

describe('WorkerPrivacyService.erase', () => {
  it('blanks every personal field, unlinks the account from consents, records the withdrawal and the event, in one transaction', async () => {
    const update = jest.fn(async () => mine);
    const recordConsents = jest.fn(async () => undefined);
    const unlinkConsents = jest.fn(async () => undefined);
    const { service, manager, query, endSeekerSignIn } = setup({ findForUpdate: async () => mine, update, recordConsents, unlinkConsents });
    await service.erase(seeker);
    expect(update).toHaveBeenCalledWith(manager, 'w1', erasedProfile(now));
    expect(erasedProfile(now)).toMatchObject({ name: '已注销', phone: null, accountId: null, lat: null, lng: null, residentIdHash: null });
    expect(erasedProfile(now)).toMatchObject({ skills: [], certificates: [], availability: [], status: 'erased', erasedAt: now });
    expect(erasedProfile(now)).not.toHaveProperty('location');
    expect(unlinkConsents).toHaveBeenCalledWith(manager, 'w1', seeker.id);
    expect(recordConsents).toHaveBeenCalledWith(manager, 'w1', [
      { purpose: 'data_processing', granted: false, channel: 'self', recordedBy: null, recordedAt: now },
    ]);
    expect(query).toHaveBeenCalledWith(expect.stringContaining('INSERT INTO outbox_events'), [
      'worker.erased',
      JSON.stringify({ workerId: 'w1', phone: seeker.phone, erasedAt: now.toISOString() }),
    ]);
    // The sign-in ends at once, after the commit.
    expect(endSeekerSignIn).toHaveBeenCalledWith(seeker.phone, now);
  });

  it('at the desk, records the staff member who took the request', async () => {
    const recordConsents = jest.fn(async () => undefined);
    const { service } = setup({
      findForUpdate: async () => mine,
      update: async () => mine,
      recordConsents,
      unlinkConsents: async () => undefined,
    });
    await service.eraseAtDesk(staff, 'w1');
    expect(recordConsents).toHaveBeenCalledWith(expect.anything(), 'w1', [
      expect.objectContaining({ channel: 'desk', recordedBy: staff.id }),
    ]);
  });

  it('still succeeds when the front door cannot be reached: the flow ends the sign-in later', async () => {
    const { service } = setup(
      {
        findForUpdate: async () => mine,
        update: async () => mine,
        recordConsents: async () => undefined,
        unlinkConsents: async () => undefined,
      },
      jest.fn(async () => Promise.reject(new Error('connection refused'))),
    );
    await expect(service.erase(seeker)).resolves.toBeUndefined();
  });

  it('does nothing when the profile changed hands or was erased meanwhile (a concurrent request)', async () => {
    await expect(setup({ findForUpdate: async () => ({ ...mine, accountId: null }) }).service.erase(seeker)).rejects.toBeInstanceOf(
      NotFoundDomainException,
    );
    await expect(
      setup({ findForUpdate: async () => ({ ...mine, status: 'erased' }) }).service.eraseAtDesk(staff, 'w1'),
    ).rejects.toBeInstanceOf(NotFoundDomainException);
  });
});
