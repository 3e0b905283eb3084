import { shiftCategories, type ShiftCategory } from '@lingong/domain';

/** Chinese first: what people in the hall and on the street read. The English file mirrors these keys. */
export const zhCN = {
  market: '龙湾零工市场',
  language: { switchTo: 'English', name: '中文' },
  category: shiftCategories as Record<ShiftCategory, string>,
  employmentType: { part_time: '非全日制', temporary: '临时工', seasonal: '季节工' },
  settlement: { daily: '日结', weekly: '周结', on_completion: '完工结' },
  pay: { hour: '{amount} 元/小时', day: '{amount} 元/天', piece: '{amount} 元/件' },
  time: { range: '{day} {from}–{to}', today: '今天', tomorrow: '明天' },
  speech: {
    read: '读给我听',
    stop: '停止朗读',
    none: '这台设备没有中文语音，无法朗读',
    shift: '{title}。地点：{street}，{address}。时间：{time}。工钱：{pay}，{settlement}。还需要 {remaining} 人。',
  },
  kiosk: {
    title: '今日招工',
    streetTitle: '{street} · 今日招工',
    openShifts: '在招岗位',
    peopleNeeded: '还缺人数',
    bookedToday: '今日已招',
    remaining: '还需 {n} 人',
    scan: '扫码报名',
    page: '第 {page} / {pages} 页',
    empty: '暂时没有在招的活，新发布的会马上显示在这里',
    live: '实时更新',
    reconnecting: '正在重新连接…',
    qrAlt: '扫码在手机上查看“{title}”',
    unit: { shifts: '个', people: '人' },
  },
};

export type Messages = typeof zhCN;
