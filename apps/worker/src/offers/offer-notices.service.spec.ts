import type { Clock } from '@lingong/platform';
import type { NoticeFactsRepository, OfferFacts } from '../booking-notices/notice-facts.repository';
import type { NotificationsService } from '../notifications/notifications.service';
import { UrgentWork } from '../notifications/urgent-work';
import type { ServicesClient } from '../services-client/services.client';
import { strictMock as strict } from '../../../../test/support/strict-mock';
import { OfferNoticesService } from './offer-notices.service';

describe('OfferNoticesService', () => {
  const now = new Date('2026-12-02T10:00:00+08:00');
  const expiresAt = '2026-12-02T10:30:00+08:00';
  const facts = (phone: string | null): OfferFacts =>
    ({
      title: '仓库搬运',
      street: '永中街道',
      address: '永中街道某仓库',
      startsAt: new Date('2026-12-03T08:00:00+08:00'),
      endsAt: new Date('2026-12-03T17:00:00+08:00'),
      payAmountFen: 26000,
      payUnit: 'day',
      phone,
      status: 'pending',
      expiresAt: new Date(expiresAt),
      offeredAt: now,
    }) as OfferFacts;

  function build(options: { written?: boolean; runMakes?: string[] } = {}) {
    const sendOffers = jest.fn((ids: readonly string[]) =>
      Promise.resolve(ids.map((offerId) => ({ offerId, action: 'send' as const, expiresAt }))),
    );
    const send = jest.fn(() => Promise.resolve(0));
    const addBulk = jest.fn(() => Promise.resolve([]));
    const offers = jest.fn((ids: readonly string[]) =>
      Promise.resolve(new Map(ids.map((id) => [id, facts(id === 'erased' ? null : '13700000001')]))),
    );
    const service = new OfferNoticesService(
      strict<NoticeFactsRepository>({ offers } as never),
      strict<NotificationsService>({ send, written: () => Promise.resolve(options.written ?? false) } as never),
      strict<ServicesClient>({ sendOffers, runMatching: () => Promise.resolve(options.runMakes ?? []) } as never),
      strict<Clock>({ now: () => now }),
      strict({ addBulk } as never),
      new UrgentWork(),
    );
    return { service, sendOffers, send, addBulk, offers };
  }

  it('asks matching nothing for an offer whose SMS is written already (the sweep or a run got there first)', async () => {
    const { service, sendOffers, send } = build({ written: true });
    await service.created('o1');
    expect(sendOffers).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });

  it('sends an offer from its event when its SMS is not written yet', async () => {
    const { service, sendOffers, send } = build({ written: false });
    await service.created('o1');
    expect(sendOffers).toHaveBeenCalledWith(['o1']);
    expect(send).toHaveBeenCalledWith([
      expect.objectContaining({ dedupeKey: 'offer:o1', urgent: true, mattersUntil: new Date(expiresAt) }),
    ]);
  });

  it('sends a run’s offers with one call, one read and one write, the expiry jobs first, none to an erased phone', async () => {
    const { service, sendOffers, send, addBulk, offers } = build({ runMakes: ['o1', 'o2', 'erased'] });
    const order: string[] = [];
    addBulk.mockImplementation(() => (order.push('expiry jobs'), Promise.resolve([])));
    send.mockImplementation(() => (order.push('messages'), Promise.resolve(2)));
    await service.matchAndSend('s1');
    expect(sendOffers).toHaveBeenCalledTimes(1);
    expect(offers).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledTimes(1);
    expect((send.mock.calls[0] as unknown as [{ dedupeKey: string }[]])[0].map((m) => m.dedupeKey)).toEqual(['offer:o1', 'offer:o2']);
    expect(order).toEqual(['expiry jobs', 'messages']);
  });

  it('asks matching nothing when the run made no offers', async () => {
    const { service, sendOffers } = build({ runMakes: [] });
    await service.matchAndSend('s1');
    expect(sendOffers).not.toHaveBeenCalled();
  });
});
