import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AccountRole, SignedInAccount } from './account';

export const PUBLIC_ROUTE = 'lingong:public';
export const REQUIRED_ROLES = 'lingong:roles';

/** Open to anyone, signed in or not. Routes are private unless marked. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles; `staff` also admits admins. */
export const Roles = (...roles: AccountRole[]) => SetMetadata(REQUIRED_ROLES, roles);

export interface RequestWithAccount {
  account?: SignedInAccount;
  headers: Record<string, string | string[] | undefined>;
}

export const CurrentAccount = createParamDecorator((_: unknown, context: ExecutionContext): SignedInAccount => {
  const account = context.switchToHttp().getRequest<RequestWithAccount>().account;
  if (!account) throw new Error('CurrentAccount used on a route without the access guard');
  return account;
});

/** The caller when the route is public but signed-in callers see more. */
export const OptionalAccount = createParamDecorator(
  (_: unknown, context: ExecutionContext): SignedInAccount | undefined => context.switchToHttp().getRequest<RequestWithAccount>().account,
);
