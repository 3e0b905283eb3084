import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { cappedBackoff, QueueName, QueueProcessor, type JobName, type QueueJobs } from '@lingong/queue';
import { ServicesClient } from '../services-client/services.client';
import { OfferNoticesService } from './offer-notices.service';

type OfferStepJob = Job<QueueJobs['offer-expiry'][JobName<'offer-expiry'>], unknown, JobName<'offer-expiry'>>;

/** An offer's timed steps: its SMS once the quiet hours are over, and its expiry. */
@Processor(QueueName.offerExpiry, { settings: { backoffStrategy: cappedBackoff } })
export class OfferExpiryProcessor extends QueueProcessor {
  constructor(
    private readonly services: ServicesClient,
    private readonly offers: OfferNoticesService,
  ) {
    super();
  }

  async process(job: OfferStepJob): Promise<void> {
    switch (job.name) {
      case 'offer.send':
        return this.offers.send(job.data.offerId, true);
      case 'offer.expire':
        await this.services.expireOffer(job.data.offerId);
        return;
    }
  }
}
