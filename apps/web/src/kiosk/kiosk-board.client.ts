import { Injectable } from '@nestjs/common';
import { ServiceUrlSettings } from '@lingong/config';
import { ServiceTokens } from '@lingong/identity';
import { InternalApiClient, internalRoutes, type KioskSnapshot } from '@lingong/internal-api';

export type KioskSnapshotAnswer = KioskSnapshot;

/** The board as job-posting, which owns shifts and the board's rule, sees it: a screen's starting point. */
@Injectable()
export class KioskBoardClient {
  private readonly api: InternalApiClient;

  constructor(urls: ServiceUrlSettings, tokens: ServiceTokens) {
    this.api = new InternalApiClient('web', urls, tokens, 10_000);
  }

  /** Throws when job-posting does not answer; the screen then retries its connection. */
  snapshot(street: string | undefined): Promise<KioskSnapshotAnswer> {
    return this.api.call(internalRoutes.kioskBoard, { query: { street } });
  }
}
