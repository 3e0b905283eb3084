import type { EntityManager } from 'typeorm';
import type { SignedInAccount } from '@lingong/identity';
import { Clock, NotFoundDomainException } from '@lingong/platform';
import { strictMock } from '../../../../test/support/strict-mock';
import type { Worker } from './worker.entity';
import type { WorkerExportRepository } from './worker-export.repository';
import type { WorkerPresenter } from './worker.presenter';
import { erasedProfile, WorkerPrivacyService } from './worker-privacy.service';
import type { WorkersRepository } from './workers.repository';
import type { WorkersService } from './workers.service';

const now = new Date('2026-12-01T10:00:00+08:00');
const seeker: SignedInAccount = { id: 'acc-seeker', phone: '13700000001', role: 'worker' };
const manager = {} as EntityManager;
const mine = { id: 'w1', accountId: seeker.id } as Worker;

function setup(workers: Partial<Record<keyof WorkersRepository, unknown>>) {
  return new WorkerPrivacyService(
    strictMock<WorkersService>({ own: async () => mine }),
    strictMock<WorkersRepository>({ transaction: async <T>(work: (m: EntityManager) => Promise<T>) => work(manager), ...workers }),
    strictMock<WorkerExportRepository>({}),
    strictMock<WorkerPresenter>({}),
    strictMock<Clock>({ now: () => now }),
  );
}

describe('WorkerPrivacyService.erase', () => {
  it('blanks every personal field, unlinks the sign-in and records the withdrawal, in one transaction', async () => {
    const update = jest.fn(async () => mine);
    const recordConsents = jest.fn(async () => undefined);
    await setup({ findForUpdate: async () => mine, update, recordConsents }).erase(seeker);
    expect(update).toHaveBeenCalledWith(manager, 'w1', erasedProfile(now));
    expect(erasedProfile(now)).toMatchObject({ name: '已注销', phone: null, accountId: null, lat: null, lng: null, residentIdHash: null });
    expect(erasedProfile(now)).toMatchObject({ skills: [], certificates: [], availability: [], status: 'erased', erasedAt: now });
    expect(erasedProfile(now)).not.toHaveProperty('location');
    expect(recordConsents).toHaveBeenCalledWith(manager, 'w1', [
      { purpose: 'data_processing', granted: false, channel: 'self', recordedBy: seeker.id, recordedAt: now },
    ]);
  });

  it('does nothing when the profile changed hands meanwhile (erased by a concurrent request)', async () => {
    const service = setup({ findForUpdate: async () => ({ ...mine, accountId: null }) });
    await expect(service.erase(seeker)).rejects.toBeInstanceOf(NotFoundDomainException);
  });
});
