import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toMarketIso } from '@lingong/domain';
import type { SignedInAccount } from '@lingong/identity';
import { PartiesService } from '../access/parties.service';
import { ShiftsService } from '../shifts/shifts.service';
import { ShiftReport, type ReportReason } from './shift-report.entity';

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly shifts: ShiftsService,
    private readonly parties: PartiesService,
  ) {}

  async report(account: SignedInAccount, shiftId: string, reason: ReportReason, detail: string | undefined) {
    const workerId = await this.parties.requireWorkerId(account);
    // Drafts and shifts awaiting review are not public: reporting one would reveal that it exists.
    const shift = await this.shifts.get(account, shiftId);
    const reports = this.dataSource.getRepository(ShiftReport);
    const report = await reports.save(reports.create({ shiftId, employerId: shift.employerId, workerId, reason, detail: detail ?? null }));
    return this.view(report);
  }

  async open() {
    const reports = await this.dataSource.getRepository(ShiftReport).find({ where: { status: 'open' }, order: { createdAt: 'DESC' }, take: 200 });
    return reports.map((report) => this.view(report));
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
