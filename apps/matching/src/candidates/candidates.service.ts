import { Injectable } from '@nestjs/common';
import { maskName, maskPhone, toMarketIso } from '@lingong/domain';
import { isStaff, type SignedInAccount } from '@lingong/identity';
import {
  compareIds,
  defaultWeights,
  scoreCandidate,
  type CandidateScore,
  type EmployerCandidateScore,
  type EmployerRankedCandidate,
  type FairnessContext,
  type BestFirstStats,
  type RankedCandidate,
} from '@lingong/matching-engine';
import { Clock, DomainException, NotFoundDomainException } from '@lingong/platform';
import { CandidatesRepository, type SeekerRow, type ShiftRow } from './candidates.repository';
import { SeekerPool, type PreparedRanking } from './seeker-pool';

/** A process reads the stored fairness medians at most this often. */
const CONTEXT_TTL_MS = 60_000;
/** The sweep has the stored medians recomputed once they are this old; they move slowly. */
export const FAIRNESS_MEDIANS_REFRESH_MS = 5 * 60_000;
/** Older than this (no sweep running), a ranking recomputes them itself rather than use them. */
const FAIRNESS_MEDIANS_STALE_MS = 30 * 60_000;

interface TopOptions {
  limit: number;
  smsConsent?: boolean;
  exclude?: ReadonlySet<string>;
  prepared?: PreparedRanking;
}

/** 职业介绍: who fits a shift, best first, each score explained; and which shifts fit a seeker. */
@Injectable()
export class CandidatesService {
  private context?: { value: FairnessContext; at: number };
  private contextLoad?: Promise<FairnessContext>;

  constructor(
    private readonly candidates: CandidatesRepository,
    private readonly pool: SeekerPool,
    private readonly clock: Clock,
  ) {}

  /** A shift the caller may match for: its employer's, or any for staff; others' are 404 (existence is private). */
  async managedShift(account: SignedInAccount, shiftId: string): Promise<ShiftRow> {
    const shift = await this.candidates.shift(shiftId);
    if (!shift || !(isStaff(account) || (await this.candidates.employerIdForAccount(account.id)) === shift.employerId)) {
      throw new NotFoundDomainException('Shift');
    }
    return shift;
  }

  /** The caller's seeker profile; a seeker without one is told to create it. */
  async requireWorkerId(account: SignedInAccount): Promise<string> {
    const workerId = await this.candidates.workerIdForAccount(account.id);
    if (!workerId)
      throw new DomainException('WORKER_PROFILE_REQUIRED', '请先填写求职资料 / Create your seeker profile first (POST /api/workers)', 409);
    return workerId;
  }

  /**
   * Staff: the market's ranking in full. An employer: only for its own open shift (a draft or a
   * shift in review would let anyone locate people), and only what an employer may read (see
   * `Audience` in the matching engine): no pay or fairness part, whole kilometres, and the name as
   * surname with 某 unless the person is booked with this employer. Phones are always masked here.
   */
  async forShift(account: SignedInAccount, shiftId: string, limit: number) {
    const now = this.clock.now();
    const prepared = this.pool.prepare([shiftId], now);
    const shift = await this.managedShift(account, shiftId);
    if (!isStaff(account) && shift.status !== 'open') {
      throw new DomainException(
        'SHIFT_NOT_OPEN',
        '零工发布并通过审核后才能查看候选人 / Candidates are shown once the shift is published and approved (open)',
        409,
      );
    }
    const item = (seeker: SeekerRow, name: string, scored: EmployerCandidateScore | CandidateScore) => ({
      workerId: seeker.id,
      name,
      phoneMasked: seeker.phone === null ? null : maskPhone(seeker.phone),
      score: scored.score,
      distanceKm: scored.distanceKm,
      breakdown: scored.breakdown,
      explanations: scored.explanations,
    });
    if (isStaff(account)) {
      const { ranked } = await this.topCandidates(shift, now, { limit, prepared });
      return ranked.map((candidate) => item(candidate.seeker, candidate.seeker.name, candidate));
    }
    const { ranked } = await this.topCandidates(shift, now, { limit, audience: 'employer', prepared });
    const booked = await this.candidates.bookedWithEmployer(
      shift.employerId,
      ranked.map((candidate) => candidate.seeker.id),
    );
    return ranked.map((candidate) =>
      item(candidate.seeker, booked.has(candidate.seeker.id) ? candidate.seeker.name : maskName(candidate.seeker.name), candidate),
    );
  }

  /**
   * The shift's best \`limit\` eligible seekers in the order \`audience\` reads (staff's, the market's
   * own, by default), exactly as if every eligible seeker were scored, but reading only those
   * best-first who can still make the cut (see rankBestFirst). \`smsConsent\`: only those who
   * take offers by SMS; \`exclude\`: seekers not to count (already asked).
   */
  topCandidates(
    shift: ShiftRow,
    now: Date,
    options: TopOptions & { audience: 'employer' },
  ): Promise<{ ranked: EmployerRankedCandidate<SeekerRow>[]; stats: BestFirstStats }>;
  topCandidates(
    shift: ShiftRow,
    now: Date,
    options: TopOptions & { audience?: 'staff' },
  ): Promise<{ ranked: RankedCandidate<SeekerRow>[]; stats: BestFirstStats }>;
  async topCandidates(
    shift: ShiftRow,
    now: Date,
    { limit, audience = 'staff', smsConsent, exclude, prepared }: TopOptions & { audience?: 'staff' | 'employer' },
  ) {
    const context = await this.fairnessContext(now);
    return this.pool.top(shift, now, { context, weights: defaultWeights, limit, smsConsent, exclude, prepared }, audience);
  }

  /** Each shift's best `sizes.get(id)` by the staff's ranking, for a crew's dispatch plan. */
  async dispatchPools(shifts: readonly ShiftRow[], now: Date, sizes: ReadonlyMap<string, number>) {
    const context = await this.fairnessContext(now);
    return this.pool.topForShifts(shifts, now, { context, weights: defaultWeights, limits: sizes });
  }

  async forMe(account: SignedInAccount, limit: number) {
    return this.shiftsFitting(await this.requireWorkerId(account), limit, 'seeker');
  }

  /** 职业介绍: the shifts that fit the person in front of the referral desk, explained as staff read them. */
  async forSeekerAtDesk(workerId: string, limit: number) {
    return this.shiftsFitting(workerId, limit, 'staff');
  }

  private async shiftsFitting(workerId: string, limit: number, audience: 'seeker' | 'staff') {
    const now = this.clock.now();
    const found = await this.candidates.shiftsFor(workerId, now);
    if (!found) throw new NotFoundDomainException(audience === 'seeker' ? 'Worker profile' : 'Worker');
    const context = await this.fairnessContext(now);
    return found.shifts
      .map((shift) => ({ shift, scored: scoreCandidate(shift, found.seeker, context, defaultWeights, audience) }))
      .sort((a, b) => b.scored.score - a.scored.score || compareIds(a.shift.id, b.shift.id))
      .slice(0, limit)
      .map(({ shift, scored }) => ({
        shift: this.shiftSummary(shift),
        score: scored.score,
        distanceKm: scored.distanceKm,
        breakdown: scored.breakdown,
        explanations: scored.explanations,
      }));
  }

  /**
   * The fairness medians as stored (recomputing them for every ranking would scan every seeker's
   * month); computed here only when none are stored yet, or they are long stale.
   */
  async fairnessContext(now: Date): Promise<FairnessContext> {
    if (this.context && Math.abs(now.getTime() - this.context.at) <= CONTEXT_TTL_MS) return this.context.value;
    // One read (or computation) at a time: a publish storm's rankings all find the medians expired
    // at once, and forty of them computing the medians side by side stalled every one for seconds.
    this.contextLoad ??= (async () => {
      try {
        const stored = await this.candidates.storedFairnessContext();
        const fresh = stored && now.getTime() - stored.computedAt.getTime() <= FAIRNESS_MEDIANS_STALE_MS;
        this.context = { value: fresh ? stored.context : await this.candidates.refreshFairnessContext(now), at: now.getTime() };
        return this.context.value;
      } finally {
        this.contextLoad = undefined;
      }
    })();
    return this.contextLoad;
  }

  /** The sweep's: recomputes the stored medians when they are older than FAIRNESS_MEDIANS_REFRESH_MS. */
  async refreshFairnessMedians(): Promise<{ refreshed: boolean }> {
    const now = this.clock.now();
    const stored = await this.candidates.storedFairnessContext();
    if (stored && now.getTime() - stored.computedAt.getTime() < FAIRNESS_MEDIANS_REFRESH_MS) return { refreshed: false };
    this.context = { value: await this.candidates.refreshFairnessContext(now), at: now.getTime() };
    return { refreshed: true };
  }

  private shiftSummary(shift: ShiftRow) {
    return {
      id: shift.id,
      title: shift.title,
      category: shift.category,
      street: shift.street,
      address: shift.address,
      startsAt: toMarketIso(shift.startsAt),
      endsAt: toMarketIso(shift.endsAt),
      pay: { amountFen: shift.payAmountFen, unit: shift.payUnit, settlement: shift.settlement },
      remaining: shift.remaining,
    };
  }
}
