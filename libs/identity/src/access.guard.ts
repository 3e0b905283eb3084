import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { accountRoles, type AccessTokenClaims, type AccountRole, type SignedInAccount } from './account';
import { AccountCheckUnavailable, AccountStanding } from './account-standing';
import { PUBLIC_ROUTE, REQUIRED_ROLES, type RequestWithAccount } from './decorators';

/** The token of `Authorization: Bearer …`, if that is what the request carries. */
export function bearerToken(request: { headers: { authorization?: string | string[] } }): string | undefined {
  const header = request.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+(\S+)$/i.exec(value ?? '');
  return match?.[1];
}

/** The account an access token names and its token generation, or undefined when it is missing, forged, expired or malformed (signature only). */
async function readAccessToken(
  jwt: JwtService,
  token: string | undefined,
): Promise<{ account: SignedInAccount; generation: number } | undefined> {
  if (!token) return undefined;
  try {
    const claims = await jwt.verifyAsync<AccessTokenClaims>(token);
    if (typeof claims.sub !== 'string' || !accountRoles.includes(claims.role)) return undefined;
    return {
      account: { id: claims.sub, phone: claims.phone, role: claims.role },
      generation: Number.isInteger(claims.gen) ? claims.gen! : 0,
    };
  } catch {
    return undefined;
  }
}

/**
 * The account a token names if it still stands: signed, unexpired, and its account neither erased
 * nor disabled. `revoked` for a good signature on an account that no longer stands. Throws
 * AccountCheckUnavailable when that cannot be told (the caller fails closed).
 */
export async function authenticate(
  jwt: JwtService,
  standing: AccountStanding,
  token: string | undefined,
): Promise<SignedInAccount | 'revoked' | undefined> {
  const read = await readAccessToken(jwt, token);
  if (!read) return undefined;
  return (await standing.stands(read.account, read.generation)) ? read.account : 'revoked';
}

/**
 * The one access check of every service: verifies the JWT (signed by the front door's sign-in),
 * checks its account still stands (not erased, not disabled), attaches the account, and enforces
 * `@Roles`. A bad or revoked token on a public route is ignored, not trusted.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly standing: AccountStanding,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false;
    const request = context.switchToHttp().getRequest<RequestWithAccount>();
    let found: SignedInAccount | 'revoked' | undefined;
    try {
      found = await authenticate(this.jwt, this.standing, bearerToken(request));
    } catch (error) {
      if (!(error instanceof AccountCheckUnavailable)) throw error;
      // Fail closed: an account that cannot be checked is not trusted (a public route serves it anonymously).
      if (!isPublic)
        throw new ServiceUnavailableException({
          message: ['登录状态暂时无法核验，请稍后再试 / Sign-in cannot be checked right now; try again shortly'],
          code: 'SIGN_IN_CHECK_UNAVAILABLE',
        });
    }
    request.account = typeof found === 'object' ? found : undefined;

    if (isPublic) return true;
    if (found === 'revoked') {
      throw new UnauthorizedException({
        message: ['登录已失效，请重新登录 / This sign-in has ended (account erased or disabled); sign in again'],
        code: 'TOKEN_REVOKED',
      });
    }
    if (!request.account) throw new UnauthorizedException('Sign in first: send Authorization: Bearer <accessToken>');

    const roles = this.reflector.getAllAndOverride<AccountRole[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(request.account.role) && !(roles.includes('staff') && request.account.role === 'admin')) {
      throw new ForbiddenException(`This needs the role ${roles.join(' or ')}`);
    }
    return true;
  }
}
