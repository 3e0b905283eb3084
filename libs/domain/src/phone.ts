const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** Returns the bare 11-digit mainland mobile number, or null if `input` is not one. */
export function normalizePhone(input: string): string | null {
  if (typeof input !== 'string') return null;
  let digits = input.replace(/[\s-]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return MAINLAND_MOBILE.test(digits) ? digits : null;
}

/** `13812345678` → `138****5678`; anything unparseable is masked entirely so no digits leak. */
export function maskPhone(phone: string): string {
  const n = normalizePhone(phone);
  if (n === null) return '*'.repeat(typeof phone === 'string' ? phone.length : 0);
  return `${n.slice(0, 3)}****${n.slice(7)}`;
}
