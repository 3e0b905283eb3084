import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What a seeker's erasure changes in job-posting's own tables, besides cancelling bookings (the lifecycle does that). */
@Injectable()
export class SeekerErasureRepository {
  /** Pending applications are withdrawn: no employer can accept them any more. */
  async withdrawPendingApplications(manager: EntityManager, workerId: string, now: Date): Promise<number> {
    const [, count] = (await manager.query(
      `UPDATE applications SET status = 'withdrawn', decided_at = $2 WHERE worker_id = $1 AND status = 'pending'`,
      [workerId, now],
    )) as [unknown, number];
    return count;
  }

  /**
   * Free text is where a name or phone hides, whoever wrote it: the seeker's application notes and
   * report details, and both sides' comments and cancellation reasons on their bookings. What the
   * law and the market's figures need stays: statuses, stars, hours, pay, compensation, dates.
   */
  async clearFreeText(manager: EntityManager, workerId: string): Promise<void> {
    await manager.query(`UPDATE applications SET note = NULL WHERE worker_id = $1 AND note IS NOT NULL`, [workerId]);
    await manager.query(`UPDATE shift_reports SET detail = NULL WHERE worker_id = $1 AND detail IS NOT NULL`, [workerId]);
    await manager.query(`UPDATE ratings SET comment = NULL WHERE worker_id = $1 AND comment IS NOT NULL`, [workerId]);
    await manager.query(`UPDATE bookings SET cancel_reason = NULL, updated_at = now() WHERE worker_id = $1 AND cancel_reason IS NOT NULL`, [
      workerId,
    ]);
  }
}
