import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { TenantContext } from '@sen/db';
import type { Actor } from '../auth/actor';

/**
 * Runs the handler inside the tenant context of the authenticated actor, so the data layer scopes every
 * query to that tenant. Public routes run without a context: reading tenant data there throws.
 */
@Injectable()
export class TenantContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<{ actor?: Actor; id?: string }>();
    const actor = request.actor;
    if (!actor) return next.handle();
    return new Observable((subscriber) =>
      TenantContext.run(
        {
          tenantId: actor.tenantId,
          tenantCode: actor.tenantCode,
          userId: actor.userId,
          roles: actor.roles,
          unitIds: actor.unitIds,
          requestId: String(request.id ?? ''),
        },
        () => next.handle().subscribe(subscriber),
      ),
    );
  }
}
