import { computed, ref, type Ref } from 'vue';
import {
  checkMinimumWage,
  checkPartTimeShift,
  effectiveHourlyPayFen,
  isWithinShiftLength,
  minimumHourlyWageFen,
  settleBy,
  shiftHours,
  type EmploymentType,
  type PayUnit,
  type Settlement,
} from '@lingong/domain';
import type { Schemas } from '@shared/api/types';
import { api } from './session';

export interface ShiftForm {
  date: string;
  startTime: string;
  endTime: string;
  employmentType: EmploymentType;
  payYuan: string;
  unit: PayUnit;
  settlement: Settlement;
}

const DAY_MS = 86_400_000;

/** `2026-12-02` + `08:00` as the market's time (UTC+8), or null while either is incomplete. */
export function marketTime(date: string, time: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const at = new Date(`${date}T${time}:00+08:00`);
  return Number.isFinite(at.getTime()) ? at : null;
}

/** Yuan as typed (`220`, `26.5`) to whole fen, or null when it is not a positive amount. */
export function fenOf(yuan: string): number | null {
  if (!/^\d+(\.\d{1,2})?$/.test(yuan.trim())) return null;
  const fen = Math.round(Number(yuan) * 100);
  return fen > 0 ? fen : null;
}

/**
 * The labour-law rules a posting is held to, judged as the form is filled in: the same functions of
 * libs/domain the job-posting service runs on `POST /shifts`, with the market's own settings (the
 * minimum-wage tier) read from it, so the page and the API never disagree.
 */
export function usePostingRules(form: ShiftForm, now: Ref<Date>) {
  const settings = ref<Schemas['PostingRules']>();
  void api.GET('/api/employers/posting-rules').then(({ data }) => (settings.value = data));

  const startsAt = computed(() => marketTime(form.date, form.startTime));
  const endsAt = computed(() => {
    const start = startsAt.value;
    const end = marketTime(form.date, form.endTime);
    if (!start || !end) return null;
    // An end before the start is the next morning: a night shift.
    return end <= start ? new Date(end.getTime() + DAY_MS) : end;
  });
  const overnight = computed(() => {
    const end = marketTime(form.date, form.endTime);
    return !!(startsAt.value && end && end <= startsAt.value);
  });
  const hours = computed(() => (startsAt.value && endsAt.value ? shiftHours(startsAt.value, endsAt.value) : null));
  const inPast = computed(() => !!startsAt.value && startsAt.value <= now.value);
  const tooLong = computed(() => !!startsAt.value && !!endsAt.value && !isWithinShiftLength(startsAt.value, endsAt.value));
  const amountFen = computed(() => fenOf(form.payYuan));

  const minimumFen = computed(() =>
    settings.value ? minimumHourlyWageFen(settings.value.minimumWageTier, startsAt.value ?? now.value) : null,
  );
  const wage = computed(() => {
    if (!settings.value || !startsAt.value || !endsAt.value || amountFen.value === null) return null;
    const verdict = checkMinimumWage(
      { amountFen: amountFen.value, unit: form.unit, startsAt: startsAt.value, endsAt: endsAt.value },
      settings.value.minimumWageTier,
    );
    const effectiveFen = effectiveHourlyPayFen({ amountFen: amountFen.value, unit: form.unit }, hours.value ?? 0);
    return { ok: verdict.ok, effectiveFen };
  });
  const partTime = computed(() =>
    startsAt.value && endsAt.value
      ? checkPartTimeShift({
          employmentType: form.employmentType,
          startsAt: startsAt.value,
          endsAt: endsAt.value,
          settlement: form.settlement,
        })
      : null,
  );
  const settleByDate = computed(() => (endsAt.value ? settleBy(form.settlement, endsAt.value) : null));

  /** Whether the form may be sent: every rule the service would refuse is met. */
  const allowed = computed(
    () =>
      !!startsAt.value &&
      !!endsAt.value &&
      !inPast.value &&
      !tooLong.value &&
      amountFen.value !== null &&
      wage.value?.ok !== false &&
      partTime.value?.ok !== false,
  );

  return { settings, startsAt, endsAt, overnight, hours, inPast, tooLong, amountFen, minimumFen, wage, partTime, settleByDate, allowed };
}
