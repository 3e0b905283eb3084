import { acceptsMarketingSms, maskPhone, toMarketIso } from '@lingong/domain';
import type { WorkerStanding } from '@lingong/domain';
import type { Worker } from './worker.entity';

/**
 * Who is reading a profile decides what they see (PIPL). The seeker and staff see everything but
 * the resident ID itself (only its last four); an employer with the seeker booked on their shift
 * sees the full phone, but never the home's coordinates (the street is enough to plan a journey)
 * nor the expected pay (staff's and the seeker's, like income); the priority group is staff's alone.
 */
export type Audience = 'self' | 'staff' | 'booked_employer';

/**
 * `residentIdHeldBy`: for a profile whose resident ID clashed with another's (see
 * `Worker.residentIdConflictHash`), the profile holding it now, if any; staff see it as
 * `residentIdCheck`, nobody else learns of the clash.
 */
export function workerView(worker: Worker, standing: WorkerStanding, audience: Audience, residentIdHeldBy: string | null = null) {
  const staff = audience === 'staff';
  const confidant = staff || audience === 'self';
  return {
    id: worker.id,
    name: worker.name,
    phoneMasked: worker.phone ? maskPhone(worker.phone) : null,
    phone: worker.phone,
    street: worker.street,
    ...(confidant ? { lat: worker.lat, lng: worker.lng } : {}),
    maxDistanceKm: worker.maxDistanceKm,
    skills: worker.skills,
    certificates: worker.certificates,
    availability: worker.availability,
    ...(confidant ? { expectedDailyPayFen: worker.expectedDailyPayFen } : {}),
    hasSmartphone: worker.hasSmartphone,
    consent: { dataProcessing: worker.status !== 'erased', sms: acceptsMarketingSms(worker) },
    reliability: standing.reliability,
    rating: standing.rating,
    status: worker.status,
    ...(confidant ? { residentIdLast4: worker.residentIdLast4 } : {}),
    ...(staff ? { priorityGroup: worker.priorityGroup } : {}),
    ...(staff ? { residentIdCheck: worker.residentIdConflictHash ? { heldBy: residentIdHeldBy } : null } : {}),
    createdAt: toMarketIso(worker.createdAt),
  };
}

export type WorkerAnswer = ReturnType<typeof workerView>;
