import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QueueName, QueueProcessor, type JobName, type QueueJobs } from '@lingong/queue';
import { ServicesClient } from '../services-client/services.client';

@Processor(QueueName.offerExpiry)
export class OfferExpiryProcessor extends QueueProcessor {
  constructor(private readonly services: ServicesClient) {
    super();
  }

  async process(job: Job<QueueJobs['offer-expiry']['offer.expire'], unknown, JobName<'offer-expiry'>>): Promise<void> {
    switch (job.name) {
      case 'offer.expire':
        return this.services.expireOffer(job.data.offerId);
    }
  }
}
