import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { verifyToken } from './jwt';
import type { Principal } from './principal';
import { hasPermission } from './area-scope';
import type { Permission } from './roles';
import { ForbiddenError } from '@sangathan/kernel';

const PUBLIC = 'sangathan:public';
const REQUIRES = 'sangathan:requires';

/** Marks a route as open (health, metrics, docs). */
export const Public = () => SetMetadata(PUBLIC, true);
/** The permission a route needs; area scope is then checked by the handler against the target area. */
export const Requires = (permission: Permission) => SetMetadata(REQUIRES, permission);

/** The verified caller of the current request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<Request & { user: Principal }>().user;
});

/** Global guard: every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    const header = request.header('authorization') ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new UnauthorizedException({
        code: 'UNAUTHENTICATED',
        message: 'a bearer token is required',
        details: [],
      });
    }
    try {
      request.user = verifyToken(token);
    } catch (error) {
      throw new UnauthorizedException({
        code: 'INVALID_TOKEN',
        message: `invalid token: ${(error as Error).message}`,
        details: [],
      });
    }
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRES, targets);
    if (permission && !hasPermission(request.user, permission)) {
      throw new ForbiddenError(
        'PERMISSION_DENIED',
        `your roles (${request.user.roles.join(', ')}) do not allow ${permission}`,
        [{ message: `requires ${permission}` }],
      );
    }
    return true;
  }
}
