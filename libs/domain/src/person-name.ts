/**
 * Employers see a seeker's surname with 某 (王某) until the seeker is booked with them (DESIGN.md,
 * PIPL). Most Chinese surnames are one character; the two-character ones below are common enough
 * that keeping only their first character would read wrongly (欧某 for 欧阳娜娜).
 */
const compoundSurnames = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '钟离',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '百里',
  '呼延',
  '司空',
  '闻人',
  '澹台',
  '公冶',
  '太史',
  '申屠',
]);

/** `王建国` → `王某`, `欧阳娜娜` → `欧阳某`; a name not written in Chinese characters keeps its first letter (`J某`). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '某';
  const two = chars.slice(0, 2).join('');
  if (chars.length > 2 && compoundSurnames.has(two)) return `${two}某`;
  return `${chars[0]}某`;
}
