import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SignedInAccount } from '@lingong/identity';
import { defaultWeights, greedyAssignment, scoreCandidate, solveAssignment } from '@lingong/matching-engine';
import { Clock, DomainException, NotFoundDomainException } from '@lingong/platform';
import { BookingsClient } from '../bookings-client/bookings.client';
import { CandidatesRepository } from '../candidates/candidates.repository';
import { CandidatesService } from '../candidates/candidates.service';
import { DispatchPlan } from './dispatch-plan.entity';

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
    const now = this.clock.now();
    const found = new Map((await this.candidates.shifts(shiftIds)).map((shift) => [shift.id, shift]));
    const shifts = shiftIds.map((id) => found.get(id));
    const closed = shiftIds.filter((id, i) => shifts[i]?.status !== 'open' || shifts[i]!.startsAt <= now);
    if (closed.length > 0)
      throw new DomainException('SHIFT_NOT_OPEN', `These shifts are not open: ${closed.join(', ')}`, 409, { shiftIds: closed });
    const context = await this.ranking.fairnessContext(now);

    // One retrieval for every shift of the plan: each seeker once, with the shifts they may work.
    const byId = new Map(shifts.map((shift) => [shift!.id, shift!]));
    const scores = new Map<string, Map<string, number>>(shiftIds.map((id) => [id, new Map<string, number>()]));
    const seekers = await this.candidates.candidatesForShifts(shiftIds, now);
    for (const seeker of seekers) {
      for (const shiftId of seeker.shiftIds) {
        scores.get(shiftId)!.set(seeker.id, scoreCandidate(byId.get(shiftId)!, seeker, context, defaultWeights).score);
      }
    }
    const input = {
      shifts: shifts.map((s) => ({ id: s!.id, headcount: s!.remaining, startsAt: s!.startsAt, endsAt: s!.endsAt })),
      seekers: seekers.map((seeker) => ({ id: seeker.id })),
      scores,
    };
    const best = solveAssignment(input);
    const greedy = greedyAssignment(input);
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
    return this.view(saved);
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

  private view(plan: DispatchPlan) {
    return {
      id: plan.id,
      assignments: plan.assignments,
      totalScore: round1(plan.totalScore),
      unfilled: plan.unfilled,
      greedyTotalScore: round1(plan.greedyTotalScore),
      improvementOverGreedy: round1(plan.totalScore - plan.greedyTotalScore),
      status: plan.status,
    };
  }
}
