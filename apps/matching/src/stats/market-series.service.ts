import { Injectable } from '@nestjs/common';
import { marketMidnight, priorityGroups, toMarketIso } from '@lingong/domain';
import { gini } from '@lingong/matching-engine';
import { Clock } from '@lingong/platform';
import type { MarketDayDto, MarketSeriesDto, MonthReportDto } from './dto/market-series-answer.dto';
import { MarketSeriesRepository } from './market-series.repository';
import { StatsService } from './stats.controller';

const DAY_MS = 86_400_000;
/** Hours are compared over a week, the span the part-time limit is written in (24 hours a week). */
const GINI_DAYS = 7;
const round3 = (value: number) => Math.round(value * 1000) / 1000;
const dayKey = (at: Date) => toMarketIso(at).slice(0, 10);

/** The office dashboard's series and the month report, over whole market days. */
@Injectable()
export class MarketSeriesService {
  constructor(
    private readonly series: MarketSeriesRepository,
    private readonly stats: StatsService,
    private readonly clock: Clock,
  ) {}

  /** The last `days` market days, today included. */
  async recent(days: number): Promise<MarketSeriesDto> {
    const to = new Date(marketMidnight(this.clock.now()).getTime() + DAY_MS);
    return this.between(new Date(to.getTime() - days * DAY_MS), to);
  }

  /** `from` and `to` are market midnights; every day between is listed, zeros included. */
  async between(from: Date, to: Date): Promise<MarketSeriesDto> {
    const [bookings, priority, groups, categories, hours, active, sms] = await Promise.all([
      this.series.bookingsPerDay(from, to),
      this.series.priorityServedPerDay(from, to),
      this.series.servedByGroup(from, to),
      this.series.fillByCategory(from, to),
      this.series.hoursPerSeekerDay(new Date(from.getTime() - (GINI_DAYS - 1) * DAY_MS), to),
      this.series.activeSeekers(),
      this.series.smsPerDay(from, to),
    ]);
    const keys: string[] = [];
    for (let at = from.getTime(); at < to.getTime(); at += DAY_MS) keys.push(dayKey(new Date(at)));

    const byDay = (rows: { day: string; count: number }[]) => new Map(rows.map((row) => [row.day, row.count]));
    const bookingsOn = byDay(bookings);
    const priorityOn = byDay(priority);
    const smsOn = new Map(sms.map((row) => [row.day, row]));
    const hoursOn = new Map<string, { workerId: string; hours: number }[]>();
    for (const row of hours) hoursOn.set(row.day, [...(hoursOn.get(row.day) ?? []), row]);

    const days: MarketDayDto[] = keys.map((date, i) => ({
      date,
      bookings: bookingsOn.get(date) ?? 0,
      priorityServed: priorityOn.get(date) ?? 0,
      hoursGini7d: this.rollingGini(hoursOn, from.getTime() + i * DAY_MS, active),
      smsSent: smsOn.get(date)?.sent ?? 0,
      smsFailed: smsOn.get(date)?.failed ?? 0,
    }));
    const served = new Map(groups.map((row) => [row.group, row.people]));
    return {
      from: toMarketIso(from),
      to: toMarketIso(to),
      days,
      categories: categories.map((row) => ({ ...row, fillRate: row.needed === 0 ? null : round3(row.filled / row.needed) })),
      groups: priorityGroups.map((group) => ({ group, people: served.get(group) ?? 0 })),
    };
  }

  /** A month (`2026-11`) for the district: the overview, its days, wages still owed, reports received. */
  async month(month: string): Promise<MonthReportDto> {
    const [year, number] = month.split('-').map(Number) as [number, number];
    const from = new Date(`${month}-01T00:00:00+08:00`);
    const next = number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
    const to = new Date(`${next}-01T00:00:00+08:00`);
    const [figures, series, unpaidWages, reportsReceived] = await Promise.all([
      this.stats.overview({ from: toMarketIso(from), to: toMarketIso(to) }),
      this.between(from, to),
      this.series.unpaidWages(from, to, this.clock.now()),
      this.series.reportsReceived(from, to),
    ]);
    return { month, overview: figures, series, unpaidWages, reportsReceived };
  }

  /** Gini over every active seeker of the hours they worked in the 7 days ending on the day starting at `dayStart`. */
  private rollingGini(hoursOn: Map<string, { workerId: string; hours: number }[]>, dayStart: number, active: number): number {
    const perSeeker = new Map<string, number>();
    for (let back = 0; back < GINI_DAYS; back++) {
      for (const row of hoursOn.get(dayKey(new Date(dayStart - back * DAY_MS))) ?? []) {
        perSeeker.set(row.workerId, (perSeeker.get(row.workerId) ?? 0) + row.hours);
      }
    }
    const worked = [...perSeeker.values()];
    return round3(gini(worked, Math.max(0, active - worked.length)));
  }
}
