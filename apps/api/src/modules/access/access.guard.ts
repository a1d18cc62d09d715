import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';
import { DomainError, forbidden, notFound, validationFailed } from '../../common/errors';
import { LenderOrganisationsRepository } from '../identity/lender-organisations.repository';
import { SessionsService } from '../identity/sessions.service';
import { MembershipsRepository } from '../businesses/memberships.repository';
import { ACCESS_POLICY, AccessPolicy, RECENT_PASSWORD, RECENT_PASSWORD_MINUTES } from './access.decorators';
import { roleAllows } from './permissions';
import type { AuthedRequest, LenderAccess, Principal } from './principal';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Global and fail-closed: a route without an access policy is refused, so forgetting a decorator
 * can never expose a route. A signed-in user who is not a member of the business gets 404, so
 * business ids cannot be probed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly memberships: MembershipsRepository,
    private readonly lenders: LenderOrganisationsRepository,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (!policy) throw forbidden('This route has no access policy');
    if (policy.kind === 'public') return true;

    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const principal = await this.sessions.authenticate(req);
    if (!principal) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue');
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.header('x-csrf-token') ?? '';
      if (!sameToken(header, principal.csrfToken)) {
        throw new DomainError('CSRF_FAILED', 'Missing or wrong X-CSRF-Token header; reload the page and try again');
      }
    }
    req.principal = principal;
    if (policy.kind === 'signed-in') return this.checkRecentPassword(ctx, principal);
    if (policy.kind === 'lender') {
      req.lender = await this.lenderAccess(req, principal.userId);
      return this.checkRecentPassword(ctx, principal);
    }

    const businessId = req.params.businessId;
    if (typeof businessId !== 'string' || !UUID.test(businessId)) throw notFound('Business');
    const membership = await this.memberships.findForUser(businessId, principal.userId);
    if (!membership) throw notFound('Business');
    if (!roleAllows(membership.role, policy.permission)) {
      throw forbidden(`Your role (${membership.role}) does not allow this`);
    }
    req.access = { businessId, membershipId: membership.id, role: membership.role, userId: principal.userId };
    return this.checkRecentPassword(ctx, principal);
  }

  private checkRecentPassword(ctx: ExecutionContext, principal: Principal): boolean {
    const needed = this.reflector.getAllAndOverride<boolean | undefined>(RECENT_PASSWORD, [ctx.getHandler(), ctx.getClass()]);
    if (!needed) return true;
    const at = principal.passwordConfirmedAt?.getTime() ?? 0;
    if (Date.now() - at > RECENT_PASSWORD_MINUTES * 60_000) {
      throw new DomainError('PASSWORD_CONFIRMATION_REQUIRED', 'Enter your password again to confirm this');
    }
    return true;
  }

  private async lenderAccess(req: AuthedRequest, userId: string): Promise<LenderAccess> {
    const memberships = await this.lenders.membershipsOf(userId);
    const named = req.query.organisationId;
    if (named !== undefined) {
      const found = typeof named === 'string' ? memberships.find((m) => m.lenderId === named) : undefined;
      if (!found) throw notFound('Lender organisation');
      return { ...found, userId };
    }
    if (memberships.length === 0) throw forbidden('Only members of a lender organisation can use the lender console');
    if (memberships.length > 1) {
      throw validationFailed([
        { field: 'organisationId', code: 'required', message: 'is required when you belong to several lender organisations' },
      ]);
    }
    return { ...memberships[0], userId };
  }
}
