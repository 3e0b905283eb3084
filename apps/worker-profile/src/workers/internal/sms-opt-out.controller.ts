import { Body, Controller, HttpCode, Injectable, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsMainlandPhone, ToMainlandPhone } from '@lingong/domain';
import { Roles } from '@lingong/identity';
import { internalRoutes, type InternalAnswer, type InternalBody } from '@lingong/internal-api';
import { Clock } from '@lingong/platform';
import { Worker } from '../worker.entity';
import { WorkersRepository } from '../workers.repository';

export class SmsOptOutDto implements InternalBody<typeof internalRoutes.optOutOfAlerts> {
  @ToMainlandPhone()
  @IsMainlandPhone()
  phone!: string;
}

/** A reply of T / TD: no more alerts about new gigs; service messages (codes, bookings) still reach them. */
@Injectable()
export class SmsOptOutService {
  constructor(
    private readonly workers: WorkersRepository,
    private readonly clock: Clock,
  ) {}

  async optOut(phone: string): Promise<{ unsubscribed: boolean }> {
    return this.workers.transaction(async (manager) => {
      const worker = await manager.getRepository(Worker).findOne({ where: { phone }, lock: { mode: 'pessimistic_write' } });
      if (!worker || worker.smsOptOutAt) return { unsubscribed: Boolean(worker) };
      const now = this.clock.now();
      await manager.update(Worker, { id: worker.id }, { smsOptOutAt: now });
      await this.workers.recordConsents(manager, worker.id, [
        { purpose: 'sms_alerts', granted: false, channel: 'sms', recordedBy: null, recordedAt: now },
      ]);
      return { unsubscribed: true };
    });
  }
}

/** Called by matching, which receives the gateway's replies; not forwarded by the front door. */
@ApiExcludeController()
@Controller()
export class SmsOptOutController {
  constructor(private readonly optOuts: SmsOptOutService) {}

  @Roles('service')
  @Post(internalRoutes.optOutOfAlerts.path)
  @HttpCode(200)
  optOut(@Body() body: SmsOptOutDto): Promise<InternalAnswer<typeof internalRoutes.optOutOfAlerts>> {
    return this.optOuts.optOut(body.phone);
  }
}
