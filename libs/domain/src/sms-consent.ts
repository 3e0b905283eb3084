/**
 * Who may get marketing-like SMS, i.e. gig alerts and offers (DESIGN.md, PIPL): a seeker who
 * agreed to SMS and has not since replied T / TD. Two columns on `workers` (worker-profile's)
 * make it; this file is the one place they are combined, in TypeScript and in SQL. Sign-in codes
 * and messages about a booking the person holds are transactional and do not ask.
 */
export interface SmsConsentFacts {
  consentSms: boolean;
  smsOptOutAt: Date | null;
}

export function acceptsMarketingSms(worker: SmsConsentFacts): boolean {
  return worker.consentSms && worker.smsOptOutAt === null;
}

/** The same rule as a SQL condition on the `workers` row aliased `alias`. */
export function acceptsMarketingSmsSql(alias: string): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`not a table alias: ${alias}`);
  return `(${alias}.consent_sms AND ${alias}.sms_opt_out_at IS NULL)`;
}
