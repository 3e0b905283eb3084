import { toMarketIso } from '@lingong/domain';
import type { Employer } from './employer.entity';

export function employerView(employer: Employer) {
  return {
    id: employer.id,
    name: employer.name,
    contactName: employer.contactName,
    street: employer.street,
    address: employer.address,
    uscc: employer.uscc,
    verified: employer.verifiedAt !== null,
    suspended: employer.suspendedAt !== null,
    createdAt: toMarketIso(employer.createdAt),
  };
}
