import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SignedInAccount } from '@lingong/identity';
import { toMarketIso } from '@lingong/domain';
import { checkAssignments, dispatchPoolSizes, greedyAssignment, solveAssignment } from '@lingong/matching-engine';
import { Clock, DomainException, NotFoundDomainException } from '@lingong/platform';
import { BookingsClient } from '../bookings-client/bookings.client';
import { CandidatesRepository } from '../candidates/candidates.repository';
import { CandidatesService } from '../candidates/candidates.service';
import { DispatchPlan } from './dispatch-plan.entity';
import { describePool, type DispatchPool } from './dispatch-pool';

const round1 = (value: number) => Math.round(value * 10) / 10;

/** 劳务对接: fill many shifts at once with the best total score (an exact solver), then book everyone. */
@Injectable()
export class DispatchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly candidates: CandidatesRepository,
    private readonly ranking: CandidatesService,
    private readonly bookings: BookingsClient,
    private readonly clock: Clock,
  ) {}

  async plan(account: SignedInAccount, shiftIds: string[]) {
    const pool = await this.pool(shiftIds);
    const best = solveAssignment(pool.input);
    const greedy = greedyAssignment(pool.input);
    const plans = this.dataSource.getRepository(DispatchPlan);
    const saved = await plans.save(
      plans.create({
        shiftIds,
        assignments: best.assignments.map((a) => ({ shiftId: a.shiftId, workerId: a.seekerId, score: a.score })),
        unfilled: best.unfilled,
        totalScore: best.totalScore,
        greedyTotalScore: greedy.totalScore,
        createdBy: account.id,
      }),
    );
    return this.view(saved, pool);
  }

  /**
   * Staff change a proposed plan by hand (move someone, leave a place open): the whole new list of
   * assignments, checked against the shifts and candidates as they are now by the solver's rules.
   * The solver's own total is kept, so the page can say what the change costs.
   */
  async revise(account: SignedInAccount, id: string, chosen: { shiftId: string; workerId: string }[]) {
    const plans = this.dataSource.getRepository(DispatchPlan);
    const plan = await plans.findOneBy({ id });
    if (!plan) throw new NotFoundDomainException('Dispatch plan');
    if (plan.status !== 'proposed') throw new DomainException('PLAN_ALREADY_CONFIRMED', 'This plan has already been confirmed', 409);
    const pool = await this.pool(plan.shiftIds);
    const checked = checkAssignments(
      pool.input,
      chosen.map((c) => ({ shiftId: c.shiftId, seekerId: c.workerId })),
    );
    if (!checked.ok) {
      const problems = checked.problems.map(({ seekerId, ...problem }) => ({ ...problem, ...(seekerId && { workerId: seekerId }) }));
      throw new DomainException('PLAN_ASSIGNMENT_INVALID', 'These changes break the dispatch rules', 409, { problems });
    }
    const changes = {
      assignments: checked.plan.assignments.map((a) => ({ shiftId: a.shiftId, workerId: a.seekerId, score: a.score })),
      unfilled: checked.plan.unfilled,
      totalScore: checked.plan.totalScore,
      solverTotalScore: plan.solverTotalScore ?? plan.totalScore,
      editedAt: this.clock.now(),
      editedBy: account.id,
    };
    // Only a plan still proposed changes: a confirmation that began meanwhile wins.
    const updated = await plans.update({ id, status: 'proposed' }, changes);
    if (!updated.affected) throw new DomainException('PLAN_ALREADY_CONFIRMED', 'This plan has already been confirmed', 409);
    return this.view({ ...plan, ...changes }, pool);
  }

  /** The shifts (all still open) and each one's best candidates by the walk (its pool), scored as the ranking scores them. */
  private async pool(shiftIds: string[]): Promise<DispatchPool> {
    const now = this.clock.now();
    const found = new Map((await this.candidates.shifts(shiftIds)).map((shift) => [shift.id, shift]));
    const shifts = shiftIds.map((id) => found.get(id));
    const closed = shiftIds.filter((id, i) => shifts[i]?.status !== 'open' || shifts[i]!.startsAt <= now);
    if (closed.length > 0)
      throw new DomainException('SHIFT_NOT_OPEN', `These shifts are not open: ${closed.join(', ')}`, 409, { shiftIds: closed });
    // Each shift's pool is its best few by the best-first walk (dispatch-pools.ts says how many
    // and when that loses nothing), all the plan's shifts walked over matching's seeker pool at once.
    const open = shifts.map((s) => s!);
    const pools = await this.ranking.dispatchPools(open, now, dispatchPoolSizes(open));
    const scores = new Map<string, Map<string, number>>(shiftIds.map((id) => [id, new Map<string, number>()]));
    const names = new Map<string, { name: string; phone: string | null }>();
    for (const [shiftId, ranked] of pools) {
      for (const { seeker, score } of ranked) {
        names.set(seeker.id, { name: seeker.name, phone: seeker.phone });
        scores.get(shiftId)!.set(seeker.id, score);
      }
    }
    const input = {
      shifts: open.map((s) => ({ id: s.id, headcount: s.remaining, startsAt: s.startsAt, endsAt: s.endsAt })),
      seekers: [...names.keys()].map((id) => ({ id })),
      scores,
    };
    return { shifts: shifts.map((s) => s!), input, names };
  }

  /**
   * Books every planned person (each through job-posting's booking rules); SMS tell them. Each
   * booking carries the plan, shift and seeker as idempotency key, so a plan left `confirming`
   * (a crash half-way) is confirmed again by the same call, or by the worker's sweep: what was
   * booked is found, what is missing is booked. A confirmed plan is not confirmed twice.
   */
  async confirm(id: string) {
    const claimed = await this.dataSource
      .createQueryBuilder()
      .update(DispatchPlan)
      .set({ status: 'confirming', confirmStartedAt: () => 'coalesce(confirm_started_at, now())' })
      .where(`id = :id AND status IN ('proposed', 'confirming')`, { id })
      .execute();
    const plan = claimed.affected ? await this.dataSource.getRepository(DispatchPlan).findOneBy({ id }) : null;
    if (!plan) {
      const exists = await this.dataSource.getRepository(DispatchPlan).existsBy({ id });
      if (!exists) throw new NotFoundDomainException('Dispatch plan');
      throw new DomainException('PLAN_ALREADY_CONFIRMED', 'This plan has already been confirmed', 409);
    }
    const outcome: NonNullable<DispatchPlan['outcome']> = [];
    for (const assignment of plan.assignments) {
      try {
        const key = `dispatch:${plan.id}:${assignment.shiftId}:${assignment.workerId}`;
        const booking = await this.bookings.book(assignment.shiftId, assignment.workerId, 'dispatch', key);
        outcome.push({ shiftId: assignment.shiftId, workerId: assignment.workerId, bookingId: booking.id });
      } catch (error) {
        outcome.push({
          shiftId: assignment.shiftId,
          workerId: assignment.workerId,
          code: (error as DomainException).code ?? 'BOOKING_REFUSED',
        });
      }
    }
    // Job-posting out of reach means unknown outcomes: the plan stays `confirming`, to be run again (by staff or the sweep).
    const unknown = outcome.filter((o) => o.code === 'SERVICE_UNAVAILABLE').length;
    const plans = this.dataSource.getRepository(DispatchPlan);
    if (unknown > 0) await plans.update({ id, status: 'confirming' }, { outcome });
    else await plans.update({ id, status: 'confirming' }, { status: 'confirmed', confirmedAt: this.clock.now(), outcome });
    return {
      bookings: outcome.filter((o) => o.bookingId).length,
      failed: outcome.filter((o) => o.code),
      status: unknown > 0 ? ('confirming' as const) : ('confirmed' as const),
    };
  }

  private view(plan: DispatchPlan, pool: DispatchPool) {
    return {
      id: plan.id,
      assignments: plan.assignments,
      totalScore: round1(plan.totalScore),
      greedyTotalScore: round1(plan.greedyTotalScore),
      improvementOverGreedy: round1(plan.totalScore - plan.greedyTotalScore),
      solverTotalScore: round1(plan.solverTotalScore ?? plan.totalScore),
      editedAt: plan.editedAt ? toMarketIso(plan.editedAt) : null,
      status: plan.status,
      ...describePool(pool, plan.assignments, plan.unfilled),
    };
  }
}
