import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { toMarketIso } from '@lingong/domain';
import type { SignedInAccount } from '@lingong/identity';
import { Clock, NotFoundDomainException } from '@lingong/platform';
import { PartiesService } from '../access/parties.service';
import { Shift } from '../shifts/shift.entity';
import { ShiftsService } from '../shifts/shifts.service';
import { ShiftReport, type ReportReason } from './shift-report.entity';

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly shifts: ShiftsService,
    private readonly parties: PartiesService,
    private readonly clock: Clock,
  ) {}

  async report(account: SignedInAccount, shiftId: string, reason: ReportReason, detail: string | undefined) {
    const workerId = await this.parties.requireWorkerId(account);
    // Drafts and shifts awaiting review are not public: reporting one would reveal that it exists.
    const shift = await this.shifts.get(account, shiftId);
    const reports = this.dataSource.getRepository(ShiftReport);
    const report = await reports.save(reports.create({ shiftId, employerId: shift.employerId, workerId, reason, detail: detail ?? null }));
    return this.view(report);
  }

  /** Open reports with their shift's title and employer, so staff can judge them in one look. */
  async open() {
    const reports = await this.dataSource
      .getRepository(ShiftReport)
      .find({ where: { status: 'open' }, order: { createdAt: 'DESC' }, take: 200 });
    const shiftIds = [...new Set(reports.map((report) => report.shiftId))];
    const shifts = shiftIds.length
      ? await this.dataSource.getRepository(Shift).find({ where: { id: In(shiftIds) }, relations: { employer: true } })
      : [];
    const byId = new Map(shifts.map((shift) => [shift.id, shift]));
    return reports.map((report) => {
      const shift = byId.get(report.shiftId);
      return {
        ...this.view(report),
        shiftTitle: shift?.title ?? '',
        employerName: shift?.employer?.name ?? '',
        employerVerified: Boolean(shift?.employer?.verifiedAt),
        employerSuspended: Boolean(shift?.employer?.suspendedAt),
      };
    });
  }

  /** Staff have dealt with a report (verified, suspended, or found nothing): it leaves the open list. */
  async markReviewed(id: string) {
    const reports = this.dataSource.getRepository(ShiftReport);
    const report = await reports.findOneBy({ id });
    if (!report) throw new NotFoundDomainException('Report');
    report.status = 'reviewed';
    report.reviewedAt ??= this.clock.now();
    return this.view(await reports.save(report));
  }

  private view(report: ShiftReport) {
    return {
      id: report.id,
      shiftId: report.shiftId,
      employerId: report.employerId,
      reason: report.reason,
      detail: report.detail,
      status: report.status,
      createdAt: toMarketIso(report.createdAt),
    };
  }
}
