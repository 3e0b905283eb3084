import type { Clock } from '@lingong/platform';
import type { DomainEvent } from '@lingong/queue';
import { strictMock } from '../../../../test/support/strict-mock';
import type { ServicesClient } from '../services-client/services.client';
import type { ErasureRepository } from './erasure.repository';
import { ErasureService } from './erasure.service';
import type { PhoneHasher } from './phone-hasher';
import type { QueuedJobsRepository } from './queued-jobs.repository';

const now = new Date('2026-12-01T10:00:05+08:00');
const event = (phone: string | null): DomainEvent<'worker.erased'> => ({
  eventId: 'e1',
  type: 'worker.erased',
  payload: { workerId: 'w1', phone, erasedAt: '2026-12-01T02:00:00.000Z' },
  occurredAt: '2026-12-01T02:00:00.000Z',
});

function setup(fail?: 'matching') {
  const steps: string[] = [];
  const step = (name: string) => jest.fn(async (..._args: unknown[]) => void steps.push(name));
  const erasures = { eraseFromSmsLog: step('sms-log'), complete: step('complete'), forgetOldPhoneHashes: step('forget-old-hashes') };
  const services = {
    eraseSeekerInJobPosting: step('job-posting'),
    eraseSeekerInMatching: fail === 'matching' ? jest.fn(async () => Promise.reject(new Error('matching answered 503'))) : step('matching'),
    endSeekerSignIn: step('web'),
  };
  const jobs = { removeMentioning: step('queues') };
  const service = new ErasureService(
    strictMock<ErasureRepository>(erasures),
    strictMock<QueuedJobsRepository>(jobs),
    strictMock<ServicesClient>(services),
    strictMock<PhoneHasher>({ hash: (phone: string) => `hash:${phone}` }),
    strictMock<Clock>({ now: () => now }),
  );
  return { service, steps, erasures, services, jobs };
}

describe('ErasureService.carryOut', () => {
  it('has every service erase its part, then the queues, and only then records the erasure complete', async () => {
    const { service, steps, erasures, services, jobs } = setup();
    await service.carryOut(event('13766660001'));
    expect(steps).toEqual(['sms-log', 'job-posting', 'matching', 'web', 'queues', 'complete', 'forget-old-hashes']);
    expect(erasures.eraseFromSmsLog).toHaveBeenCalledWith({
      workerId: 'w1',
      phone: '13766660001',
      phoneHash: 'hash:13766660001',
      erasedAt: new Date('2026-12-01T02:00:00.000Z'),
    });
    expect(services.eraseSeekerInJobPosting).toHaveBeenCalledWith('w1');
    expect(services.endSeekerSignIn).toHaveBeenCalledWith('13766660001', new Date('2026-12-01T02:00:00.000Z'));
    expect(jobs.removeMentioning).toHaveBeenCalledWith(['13766660001', '+8613766660001'], new Date('2026-12-01T02:00:00.000Z'));
    expect(erasures.complete).toHaveBeenCalledWith('w1', now);
  });

  it('is not complete while a service has not erased its part: the job fails and is retried', async () => {
    const { service, steps } = setup('matching');
    await expect(service.carryOut(event('13766660001'))).rejects.toThrow('matching answered 503');
    expect(steps).toEqual(['sms-log', 'job-posting']);
  });

  it('erases by id alone for a profile that had no phone', async () => {
    const { service, steps } = setup();
    await service.carryOut(event(null));
    expect(steps).toEqual(['sms-log', 'job-posting', 'matching', 'complete', 'forget-old-hashes']);
  });
});
