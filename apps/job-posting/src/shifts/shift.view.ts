import { toMarketIso } from '@lingong/domain';
import type { Shift } from './shift.entity';

/** A shift as API.md answers it: the input's shape plus status, filled and remaining. */
export function shiftView(shift: Shift) {
  return {
    id: shift.id,
    employerId: shift.employerId,
    title: shift.title,
    description: shift.description,
    category: shift.category,
    employmentType: shift.employmentType,
    street: shift.street,
    address: shift.address,
    lat: shift.lat,
    lng: shift.lng,
    startsAt: toMarketIso(shift.startsAt),
    endsAt: toMarketIso(shift.endsAt),
    headcount: shift.headcount,
    filled: shift.filled,
    remaining: shift.headcount - shift.filled,
    pay: { amountFen: shift.payAmountFen, unit: shift.payUnit, settlement: shift.settlement },
    requirements: { skills: shift.requiredSkills, certificates: shift.requiredCertificates },
    status: shift.status,
    createdAt: toMarketIso(shift.createdAt),
    publishedAt: shift.publishedAt ? toMarketIso(shift.publishedAt) : null,
  };
}
