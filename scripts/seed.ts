import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  creditCodeCheckChar,
  longwanStreetNames,
  longwanStreets,
  type EmploymentType,
  type LongwanStreet,
  type PayUnit,
  type PriorityGroup,
  type Settlement,
  type ShiftCategory,
} from '@lingong/domain';
import dataSource from './data-source';
import { MARKET_OFFSET_MS } from '@lingong/domain';

/**
 * `npm run demo`: demo employers, open shifts and seekers for Longwan's ten streets.
 *
 * Idempotent: every row has a deterministic id and goes in with `ON CONFLICT DO NOTHING`, so a
 * second run adds nothing. Shift times follow the clock, so a shift's id includes the calendar
 * date of the run (Asia/Shanghai): a run on a later day adds that day's fresh shifts. Nothing is
 * written to outbox_events, so seeding never sends SMS alerts.
 */

const MIN_HOURLY_FEN = 2400; // Zhejiang tier one (Longwan), 24 yuan an hour, from 2025-01-01
const START_MARGIN_MS = 60 * 60_000; // a slot starting within the hour moves to the next day

/** A stable UUID (version 5 layout) from a name: the same name always gives the same id. */
function seedUuid(name: string): string {
  const hex = createHash('sha1').update(`lingong-seed:${name}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A stable integer in [0, modulo) from a name. */
function seedInt(name: string, modulo: number): number {
  return createHash('md5').update(name).digest().readUInt32BE(0) % modulo;
}

/** A coordinate moved by a stable offset in [-0.01, 0.01] degrees, rounded to 6 places. */
function jitter(degrees: number, name: string): number {
  return Math.round(degrees * 1_000_000 + seedInt(name, 20_001) - 10_000) / 1_000_000;
}

/** A unified social credit code (GB 32100) for a Longwan (330303) body, with a GB 11714 organisation code. */
function demoCreditCode(name: string): string {
  const kind = name.includes('合作社') ? '93' : '91'; // farmers' cooperative, else enterprise
  const body = String(10_000_000 + seedInt(`uscc:${name}`, 90_000_000));
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  const c9 = 11 - (sum % 11);
  const orgCode = body + (c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9));
  const first17 = `${kind}330303${orgCode}`;
  return first17 + creditCodeCheckChar(first17);
}

interface Slot {
  start: number; // local hour
  end: number;
}
const slots = {
  morning: { start: 8, end: 12 },
  afternoon: { start: 13, end: 17 },
  fullDay: { start: 8, end: 17 },
  evening: { start: 18, end: 22 },
} satisfies Record<string, Slot>;

interface ShiftTemplate {
  title: string;
  description: string;
  category: ShiftCategory;
  employmentType: EmploymentType;
  slot: Slot;
  headcount: number;
  payAmountFen: number;
  payUnit: Exclude<PayUnit, 'piece'>;
  settlement: Extract<Settlement, 'daily' | 'weekly'>;
  requireSkill: boolean;
}

interface StreetPlan {
  street: LongwanStreet;
  employer: string;
  contact: string;
  address: string;
  shifts: [ShiftTemplate, ShiftTemplate, ShiftTemplate, ShiftTemplate];
}

const plans: StreetPlan[] = [
  {
    street: '永中街道',
    employer: '温州瓯味楼餐饮管理有限公司',
    contact: '陈建国',
    address: '永中街道永强大道2188号',
    shifts: [
      {
        title: '餐厅传菜',
        description: '晚市传菜、收台、摆台，工作在一楼大堂。需持有效健康证，提供晚餐和工作服。',
        category: 'catering',
        employmentType: 'part_time',
        slot: slots.evening,
        headcount: 4,
        payAmountFen: 2800,
        payUnit: 'hour',
        settlement: 'daily',
        requireSkill: true,
      },
      {
        title: '后厨备菜帮工',
        description: '午市前洗菜、切配、整理冷库，有厨师带。需持有效健康证。',
        category: 'catering',
        employmentType: 'part_time',
        slot: slots.morning,
        headcount: 2,
        payAmountFen: 2600,
        payUnit: 'hour',
        settlement: 'daily',
        requireSkill: false,
      },
      {
        title: '酒店保洁',
        description: '合作酒店客房及走廊清洁、布草更换，工具由公司提供，午餐自理。',
        category: 'cleaning',
        employmentType: 'temporary',
        slot: slots.fullDay,
        headcount: 3,
        payAmountFen: 24000,
        payUnit: 'day',
        settlement: 'daily',
        requireSkill: true,
      },
      {
        title: '同城送餐 日结',
        description: '晚高峰外卖送餐，永中街道范围内，电动车由店里提供，按时计薪当天结清。',
        category: 'delivery',
        employmentType: 'part_time',
        slot: slots.evening,
        headcount: 3,
        payAmountFen: 3000,
        payUnit: 'hour',
        settlement: 'daily',
        requireSkill: false,
      },
    ],
  },
  {
    street: '永兴街道',
    employer: '温州永兴阀门制造有限公司',
    contact: '王志强',
    address: '永兴街道永兴南路66号',
    shifts: [
      {
        title: '阀门装配普工',
        description: '阀体、阀盖组装与螺栓紧固，有老师傅带，包工作餐。',
        category: 'factory',
        employmentType: 'temporary',
        slot: slots.fullDay,
        headcount: 8,
        payAmountFen: 25000,
        payUnit: 'day',
        settlement: 'weekly',
        requireSkill: true,
      },
      {
        title: '成品装车搬运 日结',
        description: '阀门成品装箱后搬运装车，配有叉车和推车，当天结工资。',
        category: 'loading',
        employmentType: 'part_time',
        slot: slots.afternoon,
        headcount: 4,
        payAmountFen: 3000,
        payUnit: 'hour',
        settlement: 'daily',
        requireSkill: false,
      },
      {
        title: '阀门打磨包装',
        description: '小件阀门去毛刺、擦拭、套袋装盒，坐着干活，防护用品厂里提供。',
        category: 'factory',
        employmentType: 'part_time',
        slot: slots.morning,
        headcount: 6,
        payAmountFen: 2600,
        payUnit: 'hour',
        settlement: 'weekly',
        requireSkill: false,
      },
      {
        title: '仓库理货分拣',
        description: '按出货单拣货、点数、贴标，会用手机扫码即可，有培训。',
        category: 'warehouse',
        employmentType: 'seasonal',
        slot: slots.fullDay,
        headcount: 5,
        payAmountFen: 23000,
        payUnit: 'day',
        settlement: 'weekly',
        requireSkill: true,
      },
    ],
  },
  {
    street: '海城街道',
    employer: '温州海城鞋业有限公司',
    contact: '林晓东',
    address: '海城街道海城工业区18号',
    shifts: [
      {
        title: '鞋厂包装普工',
        description: '旺季赶单，成品皮鞋套袋、装盒、贴标，计时工资，包午餐。',
        category: 'factory',
        employmentType: 'seasonal',
        slot: slots.fullDay,
        headcount: 15,
        payAmountFen: 24000,
        payUnit: 'day',
        settlement: 'weekly',
        requireSkill: false,
      },
      {
        title: '皮鞋刷胶辅工',
        description: '鞋底刷胶、压合辅助，车间通风，手套口罩厂里提供，做过鞋厂优先。',
        category: 'factory',
        employmentType: 'temporary',
        slot: slots.fullDay,
        headcount: 10,
        payAmountFen: 26000,
        payUnit: 'day',
        settlement: 'weekly',
        requireSkill: true,
      },
      {
        title: '成品装柜搬运',
        description: '晚上出口货柜装柜，纸箱搬运码放，按时计薪当天结清。',
        category: 'loading',
        employmentType: 'part_time',
        slot: slots.evening,
        headcount: 6,
        payAmountFen: 3200,
        payUnit: 'hour',
        settlement: 'daily',
        requireSkill: true,
      },
      {
        title: '鞋盒仓库整理',
        description: '鞋盒、纸箱分类上架，清点库存，活不重。',
        category: 'warehouse',
        employmentType: 'part_time',
        slot: slots.morning,
        headcount: 3,
        payAmountFen: 2500,
        payUnit: 'hour',
        settlement: 'daily',
        requireSkill: false,
      },
    ],
  },
  {
    street: '海滨街道',
    employer: '浙江海滨电气配件有限公司',
    contact: '黄伟',
    address: '海滨街道兴海路258号',
    shifts: [
      {
        title: '电器配件组装',
        description: '开关、插座配件流水线组装，坐着干活，上岗前有培训，包午餐。',
        category: 'factory',
        employmentType: 'temporary',
        slot: slots.fullDay,
        headcount: 12,
        payAmountFen: 24000,
        payUnit: 'day',
        settlement: 'weekly',
        requireSkill: true,
      },
      {
        title: '质检包装普工',
        description: '目测检查外观、装袋封箱，视力良好即可。',
        category: 'factory',
        employmentType: 'part_time',
        slot: slots.afternoon,
        headcount: 6,
        payAmountFen: 2600,
        payUnit: 'hour',
        settlement: 'weekly',
        requireSkill: false,
      },
      {
        title: '原料卸货 日结',
        description: '铜件、塑料粒子原料卸车入库，有搬运工具，当天结工资。',
        category: 'loading',
        employmentType: 'part_time',
        slot: slots.morning,
        headcount: 4,
        payAmountFen: 3000,
        payUnit: 'hour',
        settlement: 'daily',
        requireSkill: true,
      },
      {
        title: '车间保洁',
        description: '下班后车间地面清扫、垃圾清运，工具厂里提供。',
        category: 'cleaning',
        employmentType: 'part_time',
        slot: slots.evening,
        headcount: 2,
        payAmountFen: 2500,
        payUnit: 'hour',
        settlement: 'weekly',
        requireSkill: false,
      },
    ],
  },
  {
    street: '星海街道',
    employer: '温州星海物流仓储有限公司',
    contact: '周海波',
    address: '星海街道机场大道1599号',
    shifts: [
      {
        title: '仓库搬运 日结',
        description: '电商仓库卸货、码托，体力活，中午有一小时休息，当天结工资。',
        category: 'loading',
        employmentType: 'temporary',
        slot: slots.fullDay,
        headcount: 20,
        payAmountFen: 26000,
        payUnit: 'day',
        settlement: 'daily',
        requireSkill: true,
      },
      {
        title: '快递分拣',
        description: '晚班包裹按片区分拣上架，站立作业，有人带班。',
        category: 'warehouse',
        employmentType: 'part_time',
        slot: slots.evening,
        headcount: 15,
        payAmountFen: 2800,
        payUnit: 'hour',
        settlement: 'daily',
        requireSkill: true,
      },
      {
        title: '仓库打包员',
        description: '旺季备货打包、贴面单、封箱，会用扫码枪优先，可教。',
        category: 'warehouse',
        employmentType: 'seasonal',
        slot: slots.fullDay,
        headcount: 10,
        payAmountFen: 23000,
        payUnit: 'day',
        settlement: 'weekly',
        requireSkill: false,
      },
      {
        title: '同城配送随车',
        description: '跟车送货到龙湾各街道门店，负责搬货上下车，不需要驾照。',
        category: 'delivery',
        employmentType: 'part_time',
        slot: slots.morning,
        headcount: 4,
        payAmountFen: 2800,
        payUnit: 'hour',
        settlement: 'daily',
        requireSkill: false,
      },
    ],
  },
  {
    street: '状元街道',
    employer: '温州洁邦保洁服务有限公司',
    contact: '吴丽华',
    address: '状元街道状元大道886号',
    shifts: [
      {
        title: '写字楼保洁',
        description: '办公楼公共区域、卫生间清洁，工具和清洁剂公司提供。',
        category: 'cleaning',
        employmentType: 'part_time',
        slot: slots.morning,
        headcount: 5,
        payAmountFen: 2500,
        payUnit: 'hour',
        settlement: 'weekly',
        requireSkill: true,
      },
      {
        title: '新房开荒保洁',
        description: '新装修住房开荒清洁，擦玻璃、除胶、清运垃圾，有经验者优先，当天结算。',
        category: 'cleaning',
        employmentType: 'temporary',
        slot: slots.fullDay,
        headcount: 6,
        payAmountFen: 25000,
        payUnit: 'day',
        settlement: 'daily',
        requireSkill: true,
      },
      {
        title: '家政钟点工',
        description: '居民家庭日常保洁、整理收纳，公司派单，就近安排。',
        category: 'housekeeping',
        employmentType: 'part_time',
        slot: slots.afternoon,
        headcount: 3,
        payAmountFen: 3500,
        payUnit: 'hour',
        settlement: 'daily',
        requireSkill: false,
      },
      {
        title: '商场闭店保洁',
        description: '商场打烊后地面清洗、垃圾清运，有洗地机。',
        category: 'cleaning',
        employmentType: 'part_time',
        slot: slots.evening,
        headcount: 4,
        payAmountFen: 2600,
        payUnit: 'hour',
        settlement: 'weekly',
        requireSkill: false,
      },
    ],
  },
  {
    street: '瑶溪街道',
    employer: '温州瑶溪康养服务有限公司（瑶溪颐养院）',
    contact: '郑秀英',
    address: '瑶溪街道瑶溪南路32号',
    shifts: [
      {
        title: '养老院护理员助理',
        description: '协助护理员照顾老人起居、喂饭、翻身、陪同散步，上岗前有培训，包午餐。',
        category: 'care',
        employmentType: 'temporary',
        slot: slots.fullDay,
        headcount: 3,
        payAmountFen: 24000,
        payUnit: 'day',
        settlement: 'weekly',
        requireSkill: true,
      },
      {
        title: '夜间陪护',
        description: '晚间陪护住院老人，协助洗漱、如厕，有护理经验优先。',
        category: 'care',
        employmentType: 'part_time',
        slot: slots.evening,
        headcount: 2,
        payAmountFen: 3000,
        payUnit: 'hour',
        settlement: 'daily',
        requireSkill: true,
      },
      {
        title: '食堂帮厨',
        description: '院内食堂洗菜、切配、分餐，需持有效健康证。',
        category: 'catering',
        employmentType: 'part_time',
        slot: slots.morning,
        headcount: 2,
        payAmountFen: 2500,
        payUnit: 'hour',
        settlement: 'weekly',
        requireSkill: false,
      },
      {
        title: '院区保洁',
        description: '房间、走廊和公共卫生间清洁消毒，用品院里提供。',
        category: 'cleaning',
        employmentType: 'part_time',
        slot: slots.afternoon,
        headcount: 2,
        payAmountFen: 2500,
        payUnit: 'hour',
        settlement: 'weekly',
        requireSkill: false,
      },
    ],
  },
  {
    street: '蒲州街道',
    employer: '温州蒲州大酒店有限公司',
    contact: '叶建平',
    address: '蒲州街道蒲州路199号',
    shifts: [
      {
        title: '宴会厅服务员',
        description: '婚宴晚宴摆台、传菜、收台，需持有效健康证，提供工作服和晚餐。',
        category: 'catering',
        employmentType: 'part_time',
        slot: slots.evening,
        headcount: 10,
        payAmountFen: 3000,
        payUnit: 'hour',
        settlement: 'daily',
        requireSkill: true,
      },
      {
        title: '酒店客房保洁',
        description: '退房后客房清扫、更换床品、补充用品，有领班带。',
        category: 'cleaning',
        employmentType: 'part_time',
        slot: slots.afternoon,
        headcount: 4,
        payAmountFen: 2600,
        payUnit: 'hour',
        settlement: 'weekly',
        requireSkill: true,
      },
      {
        title: '早餐厅服务员',
        description: '自助早餐补餐、收台、餐具整理，需持有效健康证。',
        category: 'catering',
        employmentType: 'part_time',
        slot: slots.morning,
        headcount: 3,
        payAmountFen: 2500,
        payUnit: 'hour',
        settlement: 'weekly',
        requireSkill: false,
      },
      {
        title: '酒水仓库搬运',
        description: '酒水、饮料到货卸车入库，搬到宴会厅备用，当天结清。',
        category: 'loading',
        employmentType: 'part_time',
        slot: slots.afternoon,
        headcount: 2,
        payAmountFen: 2800,
        payUnit: 'hour',
        settlement: 'daily',
        requireSkill: false,
      },
    ],
  },
  {
    street: '沙城街道',
    employer: '温州沙城果蔬专业合作社',
    contact: '潘国良',
    address: '沙城街道七甲村农业园区8号',
    shifts: [
      {
        title: '蔬菜采收',
        description: '大棚蔬菜采收、捆扎，合作社提供草帽、手套和午饭，当天结清。',
        category: 'farming',
        employmentType: 'seasonal',
        slot: slots.fullDay,
        headcount: 12,
        payAmountFen: 23000,
        payUnit: 'day',
        settlement: 'daily',
        requireSkill: true,
      },
      {
        title: '果蔬分拣装箱',
        description: '按大小分拣、称重、装箱，在阴凉的分拣棚里干活。',
        category: 'warehouse',
        employmentType: 'seasonal',
        slot: slots.fullDay,
        headcount: 8,
        payAmountFen: 23000,
        payUnit: 'day',
        settlement: 'daily',
        requireSkill: false,
      },
      {
        title: '装车搬运 日结',
        description: '菜筐、果箱装上冷链车，有推车，当天结工资。',
        category: 'loading',
        employmentType: 'part_time',
        slot: slots.morning,
        headcount: 4,
        payAmountFen: 3000,
        payUnit: 'hour',
        settlement: 'daily',
        requireSkill: true,
      },
      {
        title: '大棚除草整地',
        description: '大棚内除草、整地、铺膜，有人示范。',
        category: 'farming',
        employmentType: 'part_time',
        slot: slots.afternoon,
        headcount: 6,
        payAmountFen: 2500,
        payUnit: 'hour',
        settlement: 'daily',
        requireSkill: false,
      },
    ],
  },
  {
    street: '天河街道',
    employer: '温州天河皮革制品有限公司',
    contact: '徐志刚',
    address: '天河街道天河工业区26号',
    shifts: [
      {
        title: '皮革裁片辅工',
        description: '配合裁断机送料、收片、分码，有师傅带，包午餐。',
        category: 'factory',
        employmentType: 'temporary',
        slot: slots.fullDay,
        headcount: 8,
        payAmountFen: 25000,
        payUnit: 'day',
        settlement: 'weekly',
        requireSkill: true,
      },
      {
        title: '皮具包装普工',
        description: '皮带、皮包擦拭、套袋、装盒，坐着干活。',
        category: 'factory',
        employmentType: 'part_time',
        slot: slots.morning,
        headcount: 6,
        payAmountFen: 2500,
        payUnit: 'hour',
        settlement: 'weekly',
        requireSkill: false,
      },
      {
        title: '成品入库搬运',
        description: '成品纸箱搬运入库、码垛，当天结清。',
        category: 'loading',
        employmentType: 'part_time',
        slot: slots.afternoon,
        headcount: 3,
        payAmountFen: 2800,
        payUnit: 'hour',
        settlement: 'daily',
        requireSkill: true,
      },
      {
        title: '厂区保洁',
        description: '下班后车间、办公室和厂区道路清扫。',
        category: 'cleaning',
        employmentType: 'part_time',
        slot: slots.evening,
        headcount: 1,
        payAmountFen: 2500,
        payUnit: 'hour',
        settlement: 'weekly',
        requireSkill: false,
      },
    ],
  },
];

const surnames = ['陈', '王', '林', '李', '张', '黄', '周', '吴', '郑', '叶', '潘', '徐', '杨']; // 13
const givenNames = ['建华', '秀英', '志强', '丽娟', '国平', '美玲', '海波', '春燕', '晓东', '桂芳', '德明', '小兰']; // 12, coprime with 13
const SEEKERS_PER_STREET = 6;

/** Guards the data above: part-time at most 4 hours, never below the minimum hourly wage. */
function checkTemplate(street: string, t: ShiftTemplate): void {
  const hours = t.slot.end - t.slot.start;
  if (t.employmentType === 'part_time' && hours > 4) throw new Error(`${street} ${t.title}: part-time over 4 hours`);
  const hourly = t.payUnit === 'hour' ? t.payAmountFen : t.payAmountFen / hours;
  if (hourly < MIN_HOURLY_FEN) throw new Error(`${street} ${t.title}: ${hourly} fen/hour is below the minimum`);
  if (t.headcount < 1 || t.headcount > 20) throw new Error(`${street} ${t.title}: headcount out of range`);
}

/** The market's calendar date (Asia/Shanghai) of `now` as YYYY-MM-DD and its parts. */
function marketDate(now: Date): { iso: string; year: number; month: number; day: number } {
  const local = new Date(now.getTime() + MARKET_OFFSET_MS);
  return { iso: local.toISOString().slice(0, 10), year: local.getUTCFullYear(), month: local.getUTCMonth(), day: local.getUTCDate() };
}

/** Start and end of a slot `daysAhead` market days from today; a slot already (nearly) begun moves a day on. */
function slotTimes(now: Date, daysAhead: number, slot: Slot): { startsAt: Date; endsAt: Date } {
  const today = marketDate(now);
  let day = today.day + daysAhead;
  const at = (hour: number) => new Date(Date.UTC(today.year, today.month, day, hour) - MARKET_OFFSET_MS);
  if (at(slot.start).getTime() <= now.getTime() + START_MARGIN_MS) day += 1;
  return { startsAt: at(slot.start), endsAt: at(slot.end) };
}

interface Tally {
  inserted: number;
  present: number;
}

async function insert(manager: EntityManager, tally: Tally, sql: string, params: unknown[]): Promise<void> {
  const rows = (await manager.query(`${sql} ON CONFLICT DO NOTHING RETURNING id`, params)) as { id: string }[];
  if (rows.length > 0) tally.inserted += 1;
  else tally.present += 1;
}

/** The id of the account with this phone and role (ours, or one that held the phone before). */
async function ensureAccount(
  manager: EntityManager,
  tally: Tally,
  phone: string,
  role: 'employer' | 'worker',
  name: string,
): Promise<string> {
  await insert(manager, tally, `INSERT INTO accounts (id, phone, role, name) VALUES ($1, $2, $3, $4)`, [
    seedUuid(`account:${role}:${phone}`),
    phone,
    role,
    name,
  ]);
  const rows = (await manager.query(`SELECT id FROM accounts WHERE phone = $1 AND role = $2`, [phone, role])) as { id: string }[];
  return rows[0].id;
}

async function main(): Promise<void> {
  const now = new Date();
  const today = marketDate(now);
  const healthExpiresOn = `${today.year + 1}-06-30`;
  for (const plan of plans) plan.shifts.forEach((t) => checkTemplate(plan.street, t));
  const missing = longwanStreetNames.filter((street) => !plans.some((plan) => plan.street === street));
  if (missing.length > 0) throw new Error(`no demo plan for ${missing.join(', ')}`);

  const tallies = {
    employers: { inserted: 0, present: 0 },
    shifts: { inserted: 0, present: 0 },
    seekers: { inserted: 0, present: 0 },
    accounts: { inserted: 0, present: 0 },
  };

  await dataSource.initialize();
  try {
    await dataSource.transaction(async (manager) => {
      for (const [s, plan] of plans.entries()) {
        const centre = longwanStreets[plan.street];

        // Employer, verified, with its sign-in account.
        const employerPhone = `1370000${String(s + 1).padStart(4, '0')}`;
        const employerAccountId = await ensureAccount(manager, tallies.accounts, employerPhone, 'employer', plan.contact);
        await insert(
          manager,
          tallies.employers,
          `INSERT INTO employers (id, account_id, name, contact_name, street, address, uscc, verified_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
          [
            seedUuid(`employer:${plan.street}`),
            employerAccountId,
            plan.employer,
            plan.contact,
            plan.street,
            plan.address,
            demoCreditCode(plan.employer),
          ],
        );
        const employerRows = (await manager.query(`SELECT id FROM employers WHERE account_id = $1`, [employerAccountId])) as {
          id: string;
        }[];
        const employerId = employerRows[0].id;

        // Four open shifts over the coming week.
        for (const [j, t] of plan.shifts.entries()) {
          const { startsAt, endsAt } = slotTimes(now, (s + 2 * j) % 7, t.slot);
          const key = `${plan.street}:${j}`;
          await insert(
            manager,
            tallies.shifts,
            `INSERT INTO shifts (id, employer_id, title, description, category, employment_type, street, address, lat, lng,
                                 starts_at, ends_at, headcount, filled, pay_amount_fen, pay_unit, settlement,
                                 required_skills, required_certificates, status, published_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 0, $14, $15, $16, $17, $18, 'open', now())`,
            [
              seedUuid(`shift:${today.iso}:${key}`),
              employerId,
              t.title,
              t.description,
              t.category,
              t.employmentType,
              plan.street,
              plan.address,
              jitter(centre.lat, `shift-lat:${key}`),
              jitter(centre.lng, `shift-lng:${key}`),
              startsAt,
              endsAt,
              t.headcount,
              t.payAmountFen,
              t.payUnit,
              t.settlement,
              t.requireSkill ? [t.category] : [],
              t.category === 'catering' ? ['health'] : [],
            ],
          );
        }

        // Six seekers whose skills cover every shift on the street several times over.
        const categories = [...new Set(plan.shifts.map((t) => t.category))];
        const skillsEach = categories.length <= 2 ? categories.length : categories.length === 3 ? 2 : 3;
        for (let k = 0; k < SEEKERS_PER_STREET; k++) {
          const i = s * SEEKERS_PER_STREET + k;
          const phone = `1360000${String(i + 1).padStart(4, '0')}`;
          const name = surnames[i % surnames.length] + givenNames[i % givenNames.length];
          const codes = Array.from({ length: skillsEach }, (_, n) => categories[(k + n) % categories.length]);
          const skills = codes.map((code) => ({ code, years: 1 + seedInt(`years:${phone}:${code}`, 10) }));
          const certificates = codes.includes('catering') ? [{ code: 'health', expiresOn: healthExpiresOn }] : [];
          const availability = [1, 2, 3, 4, 5].map((day) => ({ day, start: '07:00', end: '19:00' }));
          const priorityGroup: PriorityGroup = k === 5 && s % 2 === 0 ? 'low_income' : 'none';
          const accountId = await ensureAccount(manager, tallies.accounts, phone, 'worker', name);
          await insert(
            manager,
            tallies.seekers,
            `INSERT INTO workers (id, account_id, phone, name, street, lat, lng, max_distance_km, skills, certificates, availability,
                                  expected_daily_pay_fen, has_smartphone, consent_data_processing_at, consent_sms, priority_group)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11::jsonb, $12, $13, now(), true, $14)`,
            [
              seedUuid(`worker:${phone}`),
              accountId,
              phone,
              name,
              plan.street,
              jitter(centre.lat, `worker-lat:${phone}`),
              jitter(centre.lng, `worker-lng:${phone}`),
              [5, 10, 15][seedInt(`distance:${phone}`, 3)],
              JSON.stringify(skills),
              JSON.stringify(certificates),
              JSON.stringify(availability),
              20_000 + 1_000 * seedInt(`pay:${phone}`, 6),
              k % 3 !== 2,
              priorityGroup,
            ],
          );
        }
      }
    });
  } finally {
    await dataSource.destroy();
  }

  const present = Object.values(tallies).reduce((sum, t) => sum + t.present, 0);
  console.log(
    `seeded: ${tallies.employers.inserted} employers, ${tallies.shifts.inserted} shifts, ${tallies.seekers.inserted} seekers, ` +
      `${tallies.accounts.inserted} accounts (${present} already present)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
