import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@sen/contracts';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-error';
import type { Actor } from './actor';
import { IS_PUBLIC, REQUIRED_ROLES } from './decorators';
import { TokenService } from './token.service';

/**
 * Guards every route (registered globally): resolves the actor from the bearer token only — never
 * from a header, body or query — then checks the route's roles. `@Public()` opts a route out.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; actor?: Actor }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthenticatedError();
    const actor = this.tokens.verifyAccessToken(match[1]!);
    request.actor = actor;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && roles.length > 0 && !actor.roles.some((r) => roles.includes(r))) {
      throw new ForbiddenError();
    }
    return true;
  }
}
