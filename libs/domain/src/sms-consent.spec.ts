import { acceptsMarketingSms, acceptsMarketingSmsSql } from './sms-consent';

describe('SMS consent for alerts and offers', () => {
  it('needs consent given and no unsubscribe since', () => {
    expect(acceptsMarketingSms({ consentSms: true, smsOptOutAt: null })).toBe(true);
    expect(acceptsMarketingSms({ consentSms: false, smsOptOutAt: null })).toBe(false);
    expect(acceptsMarketingSms({ consentSms: true, smsOptOutAt: new Date('2026-12-01T09:00:00+08:00') })).toBe(false);
  });

  it('says the same in SQL, on the alias given and nothing else', () => {
    expect(acceptsMarketingSmsSql('w')).toBe('(w.consent_sms AND w.sms_opt_out_at IS NULL)');
    expect(() => acceptsMarketingSmsSql('w; DROP TABLE workers')).toThrow(/alias/);
  });
});
