/** Codes of API.md, with the Chinese names people read. */
export const shiftCategories = {
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
} as const;
export type ShiftCategory = keyof typeof shiftCategories;
export const shiftCategoryCodes = Object.keys(shiftCategories) as ShiftCategory[];

export const employmentTypes = ['part_time', 'temporary', 'seasonal'] as const;
export type EmploymentType = (typeof employmentTypes)[number];

export const payUnits = ['hour', 'day', 'piece'] as const;
export type PayUnit = (typeof payUnits)[number];

export const settlements = ['daily', 'weekly', 'on_completion'] as const;
export type Settlement = (typeof settlements)[number];

export const shiftStatuses = ['draft', 'pending_review', 'open', 'filled', 'in_progress', 'completed', 'cancelled'] as const;
export type ShiftStatus = (typeof shiftStatuses)[number];

export const priorityGroups = ['low_income', 'disability', 'long_term_unemployed', 'none'] as const;
export type PriorityGroup = (typeof priorityGroups)[number];

/** Longwan district's ten streets (街道) with approximate centres, for validation and demo data. */
export const longwanStreets = {
  永中街道: { lat: 27.93, lng: 120.81 },
  永兴街道: { lat: 27.9, lng: 120.8 },
  海城街道: { lat: 27.87, lng: 120.78 },
  海滨街道: { lat: 27.92, lng: 120.84 },
  星海街道: { lat: 27.93, lng: 120.87 },
  状元街道: { lat: 27.97, lng: 120.74 },
  瑶溪街道: { lat: 27.96, lng: 120.77 },
  蒲州街道: { lat: 27.99, lng: 120.71 },
  沙城街道: { lat: 27.84, lng: 120.76 },
  天河街道: { lat: 27.85, lng: 120.79 },
} as const;
export type LongwanStreet = keyof typeof longwanStreets;
export const longwanStreetNames = Object.keys(longwanStreets) as LongwanStreet[];
