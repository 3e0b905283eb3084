import { Injectable } from '@nestjs/common';
import { ServiceUrlSettings } from '@lingong/config';
import { ServiceTokens } from '@lingong/identity';
import type { KioskFigures, KioskShift } from '@lingong/queue';

export interface KioskSnapshotAnswer {
  shifts: KioskShift[];
  figures: KioskFigures;
  at: string;
}

/** The board as job-posting, which owns shifts and the board's rule, sees it: a screen's starting point. */
@Injectable()
export class KioskBoardClient {
  constructor(
    private readonly urls: ServiceUrlSettings,
    private readonly tokens: ServiceTokens,
  ) {}

  /** Throws when job-posting does not answer; the screen then retries its connection. */
  async snapshot(street: string | undefined): Promise<KioskSnapshotAnswer> {
    const url = new URL('/api/internal/kiosk/board', this.urls.JOB_POSTING_URL);
    if (street) url.searchParams.set('street', street);
    const response = await fetch(url, { headers: { authorization: `Bearer ${await this.tokens.issue('web')}` }, signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`the board answered ${response.status}`);
    return (await response.json()) as KioskSnapshotAnswer;
  }
}
