import { Injectable } from '@nestjs/common';
import { standing } from '@lingong/domain';
import type { Worker } from './worker.entity';
import { WorkerRecordsRepository } from './worker-records.repository';
import { workerView, type Audience, type WorkerAnswer } from './worker.view';
import { WorkersRepository } from './workers.repository';

/** Worker answers with reliability and rating derived from their history: one query per profile, or per page. */
@Injectable()
export class WorkerPresenter {
  constructor(
    private readonly records: WorkerRecordsRepository,
    private readonly workers: WorkersRepository,
  ) {}

  async one(worker: Worker, audience: Audience): Promise<WorkerAnswer> {
    const [answer] = await this.many([worker], audience);
    return answer!;
  }

  async many(workers: Worker[], audience: Audience): Promise<WorkerAnswer[]> {
    const records = await this.records.records(workers.map((worker) => worker.id));
    // Staff, who check resident IDs that clashed, are shown whose profile holds the ID.
    const conflicts =
      audience === 'staff' ? workers.flatMap((worker) => (worker.residentIdConflictHash ? [worker.residentIdConflictHash] : [])) : [];
    const holders = await this.workers.residentIdHolders(conflicts);
    return workers.map((worker) =>
      workerView(
        worker,
        standing(records.get(worker.id)!),
        audience,
        worker.residentIdConflictHash ? (holders.get(worker.residentIdConflictHash) ?? null) : null,
      ),
    );
  }
}
