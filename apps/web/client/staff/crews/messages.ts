import { useI18n } from 'vue-i18n';

/** The crews desk's texts, merged into the console's messages when the page first opens. Chinese first. */
const zhCN = {
  crews: {
    title: '劳务对接 · 组队派工',
    pickTitle: '1. 选岗位',
    pickHint: '勾选要一起派工的岗位（可多选），再点“生成派工方案”。',
    filter: '筛选岗位',
    filterPlaceholder: '输入岗位名称或街道',
    noShifts: '现在没有在招的岗位',
    pick: '选择',
    pickShift: '选择 {title}',
    shift: '岗位',
    time: '时间',
    street: '街道',
    needed: '还缺',
    people: '{n} 人',
    chosen: '已选 {n} 个岗位',
    plan: '生成派工方案',
    planning: '正在计算…',
    planTitle: '2. 派工方案',
    total: '方案总分',
    greedy: '逐个挑最高分的总分',
    gain: '比逐个挑多得',
    solver: '系统最优总分',
    edited: '已手工调整（{time}）',
    score: '{score} 分',
    placed: '派去的人',
    nobodyPlaced: '还没有派人',
    missing: '还缺 {n} 人',
    why: {
      no_candidates: '没有符合条件的人（技能、距离、时间都要合适）',
      candidates_not_placed: '还有合适的人没派（可手工加上）',
      too_few_candidates: '符合条件的人比需要的少（共 {n} 人合适）',
      candidates_placed_elsewhere: '合适的人都已派到同一时间的其他岗位',
    },
    move: '改派',
    moveLabel: '把 {name} 从“{from}”改派到',
    moveTo: '改派到 {title}',
    remove: '移出',
    removeName: '把 {name} 移出 {title}',
    add: '加人',
    addLabel: '给 {title} 加人',
    addPlaceholder: '选一位合适的人',
    unplacedTitle: '没派上的人',
    unplacedNone: '合适的人都派上了',
    unplacedMore: '另有 {n} 人未列出',
    unplacedWhy: {
      shifts_full: '能去的岗位都满了',
      not_chosen: '有空位但没派（手工调整或避开时间重叠）',
    },
    couldGo: '可去：{options}',
    confirmTitle: '3. 确认派工',
    confirmHint: '确认后为每个人预约，并发短信通知本人。',
    confirm: '确认派工',
    confirmed: '已派工：{n} 人已预约并通知',
    failed: '{name} 未能预约：{why}',
    again: '再组一队',
    changed: '已调整',
    problem: {
      SHIFT_NOT_IN_PLAN: '这个岗位不在方案里',
      NOT_A_CANDIDATE: '{name} 不符合“{title}”的条件',
      LISTED_TWICE: '{name} 在“{title}”重复了',
      OVER_HEADCOUNT: '“{title}”超过了要的人数',
      OVERLAPPING_SHIFTS: '{name} 不能同时去“{title}”和“{other}”（时间重叠）',
    },
  },
  errors: {
    code: {
      PLAN_ALREADY_CONFIRMED: '这个方案已经确认过了',
      PLAN_ASSIGNMENT_INVALID: '这样调整不符合派工规则',
    },
  },
};

const en: typeof zhCN = {
  crews: {
    title: 'Crews · dispatch',
    pickTitle: '1. Choose shifts',
    pickHint: 'Tick the shifts to fill together, then press “Make a plan”.',
    filter: 'Filter shifts',
    filterPlaceholder: 'A title or a street',
    noShifts: 'No open shifts right now',
    pick: 'Choose',
    pickShift: 'Choose {title}',
    shift: 'Shift',
    time: 'Time',
    street: 'Street',
    needed: 'Still needed',
    people: '{n}',
    chosen: '{n} shifts chosen',
    plan: 'Make a plan',
    planning: 'Working it out…',
    planTitle: '2. The plan',
    total: 'Total score',
    greedy: 'Best-first pass would score',
    gain: 'Gain over best-first',
    solver: 'Best total the solver found',
    edited: 'Changed by hand ({time})',
    score: '{score} pts',
    placed: 'Who goes',
    nobodyPlaced: 'Nobody placed yet',
    missing: '{n} more needed',
    why: {
      no_candidates: 'Nobody fits (skills, distance and time must all suit)',
      candidates_not_placed: 'Some who fit are not placed (add them by hand)',
      too_few_candidates: 'Fewer people fit than are needed ({n} fit)',
      candidates_placed_elsewhere: 'Everyone who fits is on another shift at the same time',
    },
    move: 'Move',
    moveLabel: 'Move {name} from “{from}” to',
    moveTo: 'Move to {title}',
    remove: 'Remove',
    removeName: 'Remove {name} from {title}',
    add: 'Add',
    addLabel: 'Add someone to {title}',
    addPlaceholder: 'Choose someone who fits',
    unplacedTitle: 'Left out',
    unplacedNone: 'Everyone who fits is placed',
    unplacedMore: '{n} more not listed',
    unplacedWhy: {
      shifts_full: 'Every shift they could take is full',
      not_chosen: 'A place is open but they were left out (by hand, or to avoid overlapping hours)',
    },
    couldGo: 'Could go to: {options}',
    confirmTitle: '3. Confirm',
    confirmHint: 'Each person is booked and told by SMS.',
    confirm: 'Confirm the plan',
    confirmed: 'Dispatched: {n} people booked and told',
    failed: '{name} could not be booked: {why}',
    again: 'Another crew',
    changed: 'Changed',
    problem: {
      SHIFT_NOT_IN_PLAN: 'That shift is not in the plan',
      NOT_A_CANDIDATE: '{name} does not fit “{title}”',
      LISTED_TWICE: '{name} is on “{title}” twice',
      OVER_HEADCOUNT: '“{title}” has more people than it needs',
      OVERLAPPING_SHIFTS: '{name} cannot work “{title}” and “{other}”: the hours overlap',
    },
  },
  errors: {
    code: {
      PLAN_ALREADY_CONFIRMED: 'This plan has been confirmed already',
      PLAN_ASSIGNMENT_INVALID: 'That change breaks the dispatch rules',
    },
  },
};

let merged = false;

/** The console's `t`, with the crews desk's texts added (once). */
export function useCrewsText() {
  const i18n = useI18n({ useScope: 'global' });
  if (!merged) {
    i18n.mergeLocaleMessage('zh-CN', zhCN);
    i18n.mergeLocaleMessage('en', en);
    merged = true;
  }
  return i18n;
}
