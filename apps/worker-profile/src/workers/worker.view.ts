import { maskPhone, toMarketIso } from '@lingong/domain';
import type { Worker } from './worker.entity';

/** A seeker's profile; the priority group is shown to staff only (it is sensitive, PIPL). */
export function workerView(worker: Worker, audience: { staff: boolean; self: boolean }) {
  return {
    id: worker.id,
    name: worker.name,
    phoneMasked: worker.phone ? maskPhone(worker.phone) : null,
    ...(audience.self || audience.staff ? { phone: worker.phone } : {}),
    street: worker.street,
    lat: worker.lat,
    lng: worker.lng,
    maxDistanceKm: worker.maxDistanceKm,
    skills: worker.skills,
    certificates: worker.certificates,
    availability: worker.availability,
    expectedDailyPayFen: worker.expectedDailyPayFen,
    hasSmartphone: worker.hasSmartphone,
    consent: { dataProcessing: true, sms: worker.consentSms && worker.smsOptOutAt === null },
    reliability: 1,
    rating: null,
    ...(audience.staff ? { priorityGroup: worker.priorityGroup } : {}),
    createdAt: toMarketIso(worker.createdAt),
  };
}
