import { shiftInput, workerInput } from '../../test/support/people';
import { Api, inParallel, phoneOf } from './api';

export interface Sent {
  kind: 'publish' | 'code' | 'apply' | 'accept';
  at: number;
  status: number;
  /** What the answer created (a shift, an application, a booking), when it did. */
  id?: string;
  code?: string;
}

/**
 * Steady traffic of the market's writes through the front door, until stopped: employers
 * publishing shifts, people asking for sign-in codes, seekers applying and employers accepting.
 * Every request and its answer is kept, so a drill can say what was accepted when.
 */
export class MarketLoad {
  readonly sent: Sent[] = [];
  /** Phones whose request for a code was accepted. */
  readonly phones: string[] = [];
  private running = false;
  private lanes: Promise<void>[] = [];
  private employer!: { token: string; id: string };
  private seekers: string[] = [];
  private readonly openShifts: string[] = [];
  private readonly pending: string[] = [];
  private counter = 0;

  constructor(
    private readonly api: Api,
    private readonly run: number,
  ) {}

  async prepare(seekerCount = 10): Promise<void> {
    const staff = await this.api.signInAdmin();
    this.employer = await this.api.verifiedEmployer(phoneOf('1360', 9_000_000 + this.run), staff);
    this.seekers = await inParallel(
      Array.from({ length: seekerCount }, (_, i) => phoneOf('1370', 9_000_000 + this.run * 1000 + i)),
      5,
      async (phone, i) => {
        const token = await this.api.signIn(phone, 'worker');
        await this.api.expect(
          201,
          this.api.post('/api/workers', token, workerInput({ name: `孙${i}`, consent: { dataProcessing: true, sms: false } })),
          'a profile',
        );
        return token;
      },
    );
  }

  start(lanes = 4): void {
    this.running = true;
    this.lanes = Array.from({ length: lanes }, () => this.lane());
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.lanes);
  }

  private async lane(): Promise<void> {
    while (this.running) {
      const n = this.counter++;
      try {
        await this.step(n);
      } catch (error) {
        this.sent.push({ kind: 'publish', at: Date.now(), status: 0, code: String(error) });
      }
      await new Promise((pause) => setTimeout(pause, 20));
    }
  }

  private async step(n: number): Promise<void> {
    const at = Date.now();
    const record = (kind: Sent['kind'], answer: { status: number; body: unknown }) => {
      const body = answer.body as { id?: string; code?: string } | undefined;
      this.sent.push({ kind, at, status: answer.status, id: answer.status < 300 ? body?.id : undefined, code: body?.code });
      return answer.status < 300 ? body?.id : undefined;
    };
    switch (n % 4) {
      case 0: {
        // Each shift on a day of its own, so one seeker can be booked on many.
        const input = shiftInput({ publish: true, headcount: 3, title: `负载 ${this.run}-${n}` }, 2 + ((n / 4) % 300));
        const id = record('publish', await this.api.post('/api/shifts', this.employer.token, input));
        if (id) this.openShifts.push(id);
        return;
      }
      case 1: {
        const phone = phoneOf('1370', 8_000_000 + this.run * 100_000 + n);
        const answer = await this.api.post('/api/auth/otp', undefined, { phone });
        record('code', answer);
        if (answer.status === 202) this.phones.push(phone);
        return;
      }
      case 2: {
        const shift = this.openShifts.at(-1 - (n % 3));
        if (!shift) return;
        const id = record('apply', await this.api.post(`/api/shifts/${shift}/applications`, this.seekers[n % this.seekers.length], {}));
        if (id) this.pending.push(id);
        return;
      }
      default: {
        const application = this.pending.shift();
        if (application) record('accept', await this.api.post(`/api/applications/${application}/accept`, this.employer.token));
      }
    }
  }

  /** Answers by status, e.g. `{201: 40, 503: 3}`. */
  statuses(from = 0, to = Infinity): Record<number, number> {
    const counts: Record<number, number> = {};
    for (const sent of this.sent) if (sent.at >= from && sent.at < to) counts[sent.status] = (counts[sent.status] ?? 0) + 1;
    return counts;
  }
}
