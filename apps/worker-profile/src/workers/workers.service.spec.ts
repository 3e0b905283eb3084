import { BadRequestException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SignedInAccount } from '@lingong/identity';
import { Clock, DomainException, NotFoundDomainException } from '@lingong/platform';
import { strictMock } from '../../../../test/support/strict-mock';
import type { CreateWorkerDto } from './dto/create-worker.dto';
import type { ResidentIdHasher } from './resident-id.hasher';
import type { Worker } from './worker.entity';
import type { WorkerPresenter } from './worker.presenter';
import type { WorkerRecordsRepository } from './worker-records.repository';
import { ProfileConflict, type WorkersRepository } from './workers.repository';
import { WorkersService } from './workers.service';

const now = new Date('2026-12-01T10:00:00+08:00');
const seeker: SignedInAccount = { id: 'acc-seeker', phone: '13700000001', role: 'worker' };
const staff: SignedInAccount = { id: 'acc-staff', phone: '13900000001', role: 'staff' };
const employer: SignedInAccount = { id: 'acc-employer', phone: '13600000001', role: 'employer' };
const manager = {} as EntityManager;

const profile = (overrides: Partial<Worker> = {}) =>
  ({ id: 'w1', accountId: seeker.id, phone: seeker.phone, status: 'active', consentSms: true, smsOptOutAt: null, ...overrides }) as Worker;

const input = (overrides: Partial<CreateWorkerDto> = {}) =>
  ({
    name: '王建国',
    street: '永中街道',
    lat: 27.93,
    lng: 120.81,
    skills: [],
    hasSmartphone: false,
    consent: { dataProcessing: true, sms: true },
    ...overrides,
  }) as CreateWorkerDto;

function setup(
  workers: Partial<Record<keyof WorkersRepository, unknown>>,
  records: Partial<Record<keyof WorkerRecordsRepository, unknown>> = {},
) {
  const presenter = strictMock<WorkerPresenter>({
    one: jest.fn(async (worker: Worker, audience: string) => ({ id: worker.id, audience })),
  });
  const hasher = strictMock<ResidentIdHasher>({ protect: jest.fn(() => ({ hash: 'h'.repeat(64), last4: '002X' })) });
  const clock = strictMock<Clock>({ now: () => now });
  const service = new WorkersService(
    strictMock<WorkersRepository>(workers),
    strictMock<WorkerRecordsRepository>(records),
    presenter,
    hasher,
    clock,
  );
  return { service, presenter, hasher };
}

describe('WorkersService.create', () => {
  it('registers a seeker under their sign-in with both consents, keeping only the hash of a resident ID', async () => {
    const create = jest.fn(async () => profile());
    const { service } = setup({ create, residentIdHolder: async () => null });
    await expect(service.create(seeker, input({ residentId: '11010519491231002X' }))).resolves.toEqual({ id: 'w1', audience: 'self' });
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({
        accountId: seeker.id,
        phone: seeker.phone,
        residentIdHash: 'h'.repeat(64),
        residentIdLast4: '002X',
        residentIdConflictHash: null,
      }),
      [
        { purpose: 'data_processing', granted: true, channel: 'self', recordedBy: seeker.id, location: null, recordedAt: now },
        { purpose: 'sms_alerts', granted: true, channel: 'self', recordedBy: seeker.id, location: null, recordedAt: now },
      ],
    );
    expect(JSON.stringify(create.mock.calls)).not.toContain('11010519491231002X');
  });

  it('registers a walk-in at the desk with no account, the consent recorded by the staff member', async () => {
    const create = jest.fn(async () => profile({ accountId: null }));
    const { service } = setup({ create });
    await service.create(staff, input({ phone: '13700000009', consent: { dataProcessing: true, sms: false } }));
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ accountId: null, phone: '13700000009', registeredBy: staff.id }), [
      expect.objectContaining({ purpose: 'data_processing', granted: true, channel: 'desk', recordedBy: staff.id }),
      expect.objectContaining({ purpose: 'sms_alerts', granted: false, channel: 'desk', recordedBy: staff.id }),
    ]);
  });

  it('registers a walk-in who has no phone, the consent recorded with the desk it was given at', async () => {
    const create = jest.fn(async () => profile({ accountId: null, phone: null }));
    const { service } = setup({ create });
    await service.create(staff, input({ phone: null, consent: { dataProcessing: true, sms: false, desk: '综合服务区 1 号窗口' } }));
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ accountId: null, phone: null }), [
      {
        purpose: 'data_processing',
        granted: true,
        channel: 'desk',
        recordedBy: staff.id,
        location: '综合服务区 1 号窗口',
        recordedAt: now,
      },
      { purpose: 'sms_alerts', granted: false, channel: 'desk', recordedBy: staff.id, location: '综合服务区 1 号窗口', recordedAt: now },
    ]);
    // Leaving the phone out is still a mistake: null says "no phone" on purpose.
    await expect(service.create(staff, input({ phone: undefined }))).rejects.toThrow(BadRequestException);
  });

  it('wants a phone from staff and none from a seeker', async () => {
    const { service } = setup({});
    await expect(service.create(staff, input())).rejects.toBeInstanceOf(BadRequestException);
    await expect(service.create(seeker, input({ phone: '13700000009' }))).rejects.toBeInstanceOf(BadRequestException);
  });

  it('answers a profile conflict with WORKER_EXISTS', async () => {
    const { service } = setup({ create: async () => new ProfileConflict('profile') });
    await expect(service.create(seeker, input())).rejects.toMatchObject({ code: 'WORKER_EXISTS', status: 409 });
  });

  it('tells staff at the desk RESIDENT_ID_TAKEN, without looking up who holds the ID', async () => {
    const { service } = setup({ create: async () => new ProfileConflict('residentId') });
    await expect(service.create(staff, input({ phone: '13700000009', residentId: '11010519491231002X' }))).rejects.toMatchObject({
      code: 'RESIDENT_ID_TAKEN',
      status: 409,
    });
  });

  it('answers a seeker whose resident ID another profile holds as if it were free, keeping it aside for staff', async () => {
    const create = jest.fn(async () => profile());
    const { service } = setup({ create, residentIdHolder: async () => 'someone-else' });
    await expect(service.create(seeker, input({ residentId: '11010519491231002X' }))).resolves.toEqual({ id: 'w1', audience: 'self' });
    expect(create).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({ residentIdHash: null, residentIdLast4: '002X', residentIdConflictHash: 'h'.repeat(64) }),
      expect.any(Array),
    );
  });

  it('gives the same quiet answer when another profile takes the ID between the look-up and the write', async () => {
    const create = jest
      .fn(async (): Promise<Worker | ProfileConflict> => profile())
      .mockResolvedValueOnce(new ProfileConflict('residentId'));
    const { service } = setup({ create, residentIdHolder: async () => null });
    await expect(service.create(seeker, input({ residentId: '11010519491231002X' }))).resolves.toEqual({ id: 'w1', audience: 'self' });
    expect(create).toHaveBeenLastCalledWith(
      expect.objectContaining({ residentIdHash: null, residentIdConflictHash: 'h'.repeat(64) }),
      expect.any(Array),
    );
  });
});

describe('WorkersService.get', () => {
  it('shows staff anyone, erased profiles included', async () => {
    const { service } = setup({ findById: async () => profile({ status: 'erased', accountId: null }) });
    await expect(service.get(staff, 'w1')).resolves.toEqual({ id: 'w1', audience: 'staff' });
  });

  it('shows an employer only someone booked on its shifts', async () => {
    const isBookedBy = jest.fn(async () => true);
    const { service } = setup({ findById: async () => profile() }, { isBookedBy });
    await expect(service.get(employer, 'w1')).resolves.toEqual({ id: 'w1', audience: 'booked_employer' });
    expect(isBookedBy).toHaveBeenCalledWith(employer.id, 'w1');
    isBookedBy.mockResolvedValueOnce(false);
    await expect(service.get(employer, 'w1')).rejects.toBeInstanceOf(NotFoundDomainException);
  });

  it('hides another seeker, and an erased profile from everyone but staff, without asking about bookings', async () => {
    const { service } = setup({ findById: async () => profile({ accountId: 'someone-else' }) });
    await expect(service.get(seeker, 'w1')).rejects.toBeInstanceOf(NotFoundDomainException);
    const erased = setup({ findById: async () => profile({ status: 'erased', accountId: null }) });
    await expect(erased.service.get(employer, 'w1')).rejects.toBeInstanceOf(NotFoundDomainException);
  });
});

describe('WorkersService.updateMine and setPriorityGroup', () => {
  const transaction = async <T>(work: (m: EntityManager) => Promise<T>) => work(manager);

  it('records a change of SMS consent, and nothing when it stays the same', async () => {
    const recordConsents = jest.fn(async () => undefined);
    const update = jest.fn(async () => profile());
    const { service } = setup({
      findByAccount: async () => profile(),
      transaction,
      findForUpdate: async () => profile(),
      update,
      recordConsents,
    });
    await service.updateMine(seeker, { name: '王二', consent: { sms: false } });
    expect(update).toHaveBeenCalledWith(manager, 'w1', { name: '王二', consentSms: false });
    expect(recordConsents).toHaveBeenLastCalledWith(manager, 'w1', [
      { purpose: 'sms_alerts', granted: false, channel: 'self', recordedBy: seeker.id, location: null, recordedAt: now },
    ]);
    await service.updateMine(seeker, { consent: { sms: true } });
    expect(recordConsents).toHaveBeenLastCalledWith(manager, 'w1', []);
  });

  it('keeps a resident ID another profile holds aside for staff, and answers as for a free one', async () => {
    const update = jest.fn(async () => profile());
    const { service } = setup({
      findByAccount: async () => profile(),
      residentIdHolder: async () => 'someone-else',
      transaction,
      findForUpdate: async () => profile(),
      update,
      recordConsents: async () => undefined,
    });
    await expect(service.updateMine(seeker, { residentId: '11010519491231002X' })).resolves.toEqual({ id: 'w1', audience: 'self' });
    expect(update).toHaveBeenCalledWith(manager, 'w1', {
      residentIdHash: null,
      residentIdLast4: '002X',
      residentIdConflictHash: 'h'.repeat(64),
    });
  });

  it('stores a resident ID the seeker already holds as theirs', async () => {
    const update = jest.fn(async () => profile());
    const { service } = setup({
      findByAccount: async () => profile(),
      residentIdHolder: async () => 'w1',
      transaction,
      findForUpdate: async () => profile(),
      update,
      recordConsents: async () => undefined,
    });
    await service.updateMine(seeker, { residentId: '11010519491231002X' });
    expect(update).toHaveBeenCalledWith(manager, 'w1', {
      residentIdHash: 'h'.repeat(64),
      residentIdLast4: '002X',
      residentIdConflictHash: null,
    });
  });

  it('records the priority group consent at the desk; back to none withdraws it', async () => {
    const recordConsents = jest.fn(async () => undefined);
    const update = jest.fn(async () => profile());
    const { service } = setup({ transaction, findForUpdate: async () => profile(), update, recordConsents });
    await expect(service.setPriorityGroup(staff, 'w1', { group: 'disability', consent: true })).resolves.toEqual({
      id: 'w1',
      audience: 'staff',
    });
    expect(update).toHaveBeenCalledWith(manager, 'w1', { priorityGroup: 'disability' });
    expect(recordConsents).toHaveBeenLastCalledWith(manager, 'w1', [
      expect.objectContaining({ purpose: 'priority_group', granted: true, channel: 'desk' }),
    ]);
    await service.setPriorityGroup(staff, 'w1', { group: 'none', consent: true });
    expect(recordConsents).toHaveBeenLastCalledWith(manager, 'w1', [
      expect.objectContaining({ purpose: 'priority_group', granted: false }),
    ]);
  });

  it('staff settle a resident ID: taken from the profile that held it, which is marked for a check in turn', async () => {
    const update = jest.fn(async () => profile());
    const { service } = setup({ transaction, findForUpdate: async () => profile(), residentIdHolder: async () => 'w2', update });
    await expect(service.setResidentId(staff, 'w1', { residentId: '11010519491231002X' })).resolves.toEqual({
      id: 'w1',
      audience: 'staff',
    });
    expect(update.mock.calls).toEqual([
      [manager, 'w2', { residentIdHash: null, residentIdLast4: null, residentIdConflictHash: 'h'.repeat(64) }],
      [manager, 'w1', { residentIdHash: 'h'.repeat(64), residentIdLast4: '002X', residentIdConflictHash: null }],
    ]);
  });

  it('staff clear a resident ID without looking anyone up', async () => {
    const update = jest.fn(async () => profile());
    const { service } = setup({ transaction, findForUpdate: async () => profile(), update });
    await service.setResidentId(staff, 'w1', { residentId: null });
    expect(update).toHaveBeenCalledWith(manager, 'w1', { residentIdHash: null, residentIdLast4: null, residentIdConflictHash: null });
  });

  it('will not set a group on an erased profile', async () => {
    const { service } = setup({ transaction, findForUpdate: async () => profile({ status: 'erased' }) });
    await expect(service.setPriorityGroup(staff, 'w1', { group: 'low_income', consent: true })).rejects.toBeInstanceOf(DomainException);
  });
});
