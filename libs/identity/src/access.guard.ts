import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { accountRoles, type AccessTokenClaims, type AccountRole, type SignedInAccount } from './account';
import { PUBLIC_ROUTE, REQUIRED_ROLES, type RequestWithAccount } from './decorators';

/** The token of `Authorization: Bearer …`, if that is what the request carries. */
export function bearerToken(request: { headers: { authorization?: string | string[] } }): string | undefined {
  const header = request.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+(\S+)$/i.exec(value ?? '');
  return match?.[1];
}

/** The account an access token names, or undefined when it is missing, forged, expired or malformed. */
export async function verifyAccessToken(jwt: JwtService, token: string | undefined): Promise<SignedInAccount | undefined> {
  if (!token) return undefined;
  try {
    const claims = await jwt.verifyAsync<AccessTokenClaims>(token);
    if (typeof claims.sub !== 'string' || !accountRoles.includes(claims.role)) return undefined;
    return { id: claims.sub, phone: claims.phone, role: claims.role };
  } catch {
    return undefined;
  }
}

/**
 * The one access check of every service: verifies the JWT (signed by the front door's sign-in),
 * attaches the account, and enforces `@Roles`. A bad token on a public route is ignored, not trusted.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false;
    const request = context.switchToHttp().getRequest<RequestWithAccount>();
    request.account = await verifyAccessToken(this.jwt, bearerToken(request));

    if (isPublic) return true;
    if (!request.account) throw new UnauthorizedException('Sign in first: send Authorization: Bearer <accessToken>');

    const roles = this.reflector.getAllAndOverride<AccountRole[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(request.account.role) && !(roles.includes('staff') && request.account.role === 'admin')) {
      throw new ForbiddenException(`This needs the role ${roles.join(' or ')}`);
    }
    return true;
  }
}
