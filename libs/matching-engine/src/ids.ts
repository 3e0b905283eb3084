/** Code-unit order of ids: the same on every machine and locale (unlike localeCompare), so ties break the same way everywhere. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
