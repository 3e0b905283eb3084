import { shiftCategories } from '@lingong/domain';
import type { PriorityGroup } from '@lingong/domain';

/** Explanations are read by staff and employers at the desk, so they speak Chinese, not codes. */
export function skillLabel(code: string): string {
  return Object.hasOwn(shiftCategories, code) ? shiftCategories[code as keyof typeof shiftCategories] : code;
}

const groupLabels: Record<Exclude<PriorityGroup, 'none'>, string> = {
  low_income: '低保等低收入家庭',
  disability: '残疾人',
  long_term_unemployed: '长期失业人员',
};

export function priorityGroupLabel(group: Exclude<PriorityGroup, 'none'>): string {
  return groupLabels[group];
}

/** `1.5`, `6`: at most one decimal, no trailing zero. */
export function oneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Fen as yuan: `24000` → `240`, `2450` → `24.5`. */
export function yuan(fen: number): string {
  return String(Math.round(fen) / 100);
}

export function clamp01(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.min(1, Math.max(0, value));
}
