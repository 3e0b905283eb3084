/**
 * Every SMS text, in Chinese, in one place. Short enough for one or two segments; each carries
 * what a person needs without opening a page: what, when, where, pay, how to answer.
 */
const categoryNames: Record<string, string> = {
  loading: '搬运装卸',
  cleaning: '保洁',
  catering: '餐饮服务',
  housekeeping: '家政',
  factory: '普工',
  warehouse: '仓储分拣',
  delivery: '配送',
  renovation: '装修',
  repair: '水电维修',
  security: '安保',
  promotion: '促销',
  farming: '农业采摘',
  care: '护理陪护',
  driving: '驾驶',
};

const payUnits: Record<string, string> = { hour: '时', day: '天', piece: '件' };

const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const clockFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });

function yuan(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}

export interface ShiftSummary {
  title: string;
  category: string;
  street: string;
  startsAt: Date;
  endsAt: Date;
  payAmountFen: number;
  payUnit: string;
  remaining: number;
}

export interface BookingSummary {
  title: string;
  street: string;
  address: string;
  startsAt: Date;
  endsAt: Date;
  payAmountFen: number;
  payUnit: string;
}

const when = (booking: { startsAt: Date; endsAt: Date }) => `${timeFormat.format(booking.startsAt)}-${clockFormat.format(booking.endsAt)}`;

/**
 * Stands for a sign-in code in the stored text of its SMS; the code itself is kept sealed beside
 * it and put in only when the message is sent (or shown by the development inbox).
 */
export const CODE_PLACEHOLDER = '******';

/** The text with the sealed code's place filled in. */
export function withCode(text: string, code: string): string {
  return text.replace(CODE_PLACEHOLDER, code);
}

export const smsTemplates = {
  otp: (code: string, minutes: number) => `您的登录验证码是${code}，${minutes}分钟内有效。请勿告诉他人。`,

  shiftAlert: (shift: ShiftSummary) =>
    `新零工：${shift.title}（${categoryNames[shift.category] ?? shift.category}），` +
    `${timeFormat.format(shift.startsAt)}-${clockFormat.format(shift.endsAt)}，${shift.street}，` +
    `${yuan(shift.payAmountFen)}元/${payUnits[shift.payUnit] ?? shift.payUnit}，还需${shift.remaining}人。` +
    `报名请到零工市场或登录网页。回复T退订`,

  bookingConfirmed: (booking: BookingSummary) =>
    `您已被录用：${booking.title}，${when(booking)}，${booking.street}${booking.address}，` +
    `${yuan(booking.payAmountFen)}元/${payUnits[booking.payUnit] ?? booking.payUnit}。请准时到岗；如来不了请尽早取消。`,

  bookingCancelledByEmployer: (booking: BookingSummary, compensationFen: number | null) =>
    `很抱歉，${booking.title}（${when(booking)}）已被用工方取消。` +
    (compensationFen ? `因临时取消，用工方应付您补偿${yuan(compensationFen)}元，如未收到请找市场工作人员。` : '我们会继续为您推荐工作。'),

  bookingCancelledByWorker: (booking: BookingSummary) => `您已取消${booking.title}（${when(booking)}）。`,

  attendanceRequest: (booking: BookingSummary, confirmBy: Date | null) =>
    `上工确认：${booking.title}，${when(booking)}，${booking.street}${booking.address}。能按时到岗请回复1，来不了请回复2` +
    (confirmBy ? `；${timeFormat.format(confirmBy)}前未回复，名额将让给其他人。` : '。'),

  attendanceConfirmed: (booking: BookingSummary) =>
    `已确认：${booking.title}，${when(booking)}，${booking.street}${booking.address}。请准时到岗，谢谢！`,

  bookingReleased: (booking: BookingSummary) =>
    `因未按时回复确认，您的${booking.title}（${when(booking)}）名额已让给其他人，这不影响您的信用。如仍想上工，请到零工市场或登录网页重新报名。`,

  startingSoon: (booking: BookingSummary) =>
    `上工提醒：${booking.title}，${when(booking)}，地点${booking.street}${booking.address}。请准时到岗；来不了请尽快告知市场。`,

  /** To the employer: a booked seeker dropped out (cancelled, or did not confirm), and the place is offered again. */
  employerSeekerDroppedOut: (booking: BookingSummary, seekerName: string, reason: 'cancelled' | 'unconfirmed') =>
    `${seekerName}${reason === 'cancelled' ? '已取消' : '未按时确认'}${booking.title}（${when(booking)}），名额已重新开放，我们正在为您邀请其他求职者。`,

  /** To the employer: a booked seeker left the market (erased their data); named to nobody, and the place is offered again. */
  employerSeekerLeft: (booking: BookingSummary) =>
    `一位已录用的求职者已退出${booking.title}（${when(booking)}），名额已重新开放，我们正在为您邀请其他求职者。`,

  offer: (booking: BookingSummary, expiresAt: Date) =>
    `岗位邀请：${booking.title}，${when(booking)}，${booking.street}${booking.address}，` +
    `${yuan(booking.payAmountFen)}元/${payUnits[booking.payUnit] ?? booking.payUnit}。回复1接受，回复2放弃，${clockFormat.format(expiresAt)}前有效。`,

  offerTooLate: (booking: BookingSummary) =>
    `很抱歉，${booking.title}（${when(booking)}）已经招满，这次没能为您预订。我们会继续为您推荐合适的工作。`,

  /** A reply of 1 that could not be booked, said plainly so nobody waits for work that is not coming. */
  replyRefused: (code: string) =>
    code === 'DOUBLE_BOOKING'
      ? `您在该时段已有其他工作，这次无法为您预订。如需调整请到龙湾零工市场服务台。`
      : code === 'EMPLOYER_SUSPENDED'
        ? `该用工方已暂停招工，这次无法为您预订。我们会继续为您推荐合适的工作。`
        : code === 'SERVICE_UNAVAILABLE'
          ? `系统繁忙，您的回复还没处理完。如稍后收到录用短信即已成功；否则请过几分钟再回复1。`
          : `这次无法为您预订，请到龙湾零工市场服务台或登录网页查看。`,

  replyHelp: () => `回复1接受最近一条岗位邀请或确认到岗，回复2放弃，回复T退订新工作提醒。如需帮助请到龙湾零工市场服务台。`,
} as const;

export function signed(signature: string, text: string): string {
  return `${signature}${text}`;
}
