/** `service`: one Lingong app calling another's internal routes (never issued to a person). */
export const accountRoles = ['worker', 'employer', 'staff', 'admin', 'service'] as const;
export type AccountRole = (typeof accountRoles)[number];

/** Who is calling, as carried in the access token. */
export interface SignedInAccount {
  id: string;
  phone: string;
  role: AccountRole;
}

export interface AccessTokenClaims {
  sub: string;
  phone: string;
  role: AccountRole;
  /** The account's token generation when issued; a token of an older one is refused (see AccountStanding). */
  gen?: number;
}

/** Admins can do everything staff can. */
export function isStaff(account: SignedInAccount): boolean {
  return account.role === 'staff' || account.role === 'admin';
}
