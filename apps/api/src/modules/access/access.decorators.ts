import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth, ApiHeader, ApiParam, ApiNotFoundResponse, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from '../../common/error-body.dto';
import type { Permission } from './permissions';
import type { AuthedRequest, BusinessAccess, LenderAccess, Principal } from './principal';

export const ACCESS_POLICY = 'keeper:access';

export type AccessPolicy =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'business'; permission: Permission }
  | { kind: 'lender' };

/** Metadata: the route is a consent act (or similar) that needs the password re-entered recently. */
export const RECENT_PASSWORD = 'keeper:recent-password';

/** How long a re-entered password counts as recent. */
export const RECENT_PASSWORD_MINUTES = 10;

const csrfHeader = ApiHeader({
  name: 'X-CSRF-Token',
  required: false,
  description: 'Required on mutations made with a session cookie: the value of the keeper_csrf cookie.',
});

/** Anyone may call this route. */
export const Public = () => SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);

/** Any signed-in user. */
export const SignedIn = () =>
  applyDecorators(
    SetMetadata(ACCESS_POLICY, { kind: 'signed-in' } satisfies AccessPolicy),
    ApiCookieAuth('session'),
    csrfHeader,
    ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'Not signed in' }),
  );

/** A member of the `:businessId` business whose role grants `permission`. Others get 404. */
export const BusinessPermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(ACCESS_POLICY, { kind: 'business', permission } satisfies AccessPolicy),
    ApiParam({ name: 'businessId', format: 'uuid', description: 'A business you are a member of' }),
    ApiCookieAuth('session'),
    csrfHeader,
    ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'Not signed in' }),
    ApiForbiddenResponse({ type: ErrorBodyDto, description: `Your role lacks "${permission}"` }),
    ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such business for you' }),
  );

/**
 * A member of a lender organisation. The organisation is the caller's only one, or the one named by
 * the `organisationId` query parameter when they belong to several (others get 404); people in
 * no lender organisation get 403.
 */
export const LenderMember = () =>
  applyDecorators(
    SetMetadata(ACCESS_POLICY, { kind: 'lender' } satisfies AccessPolicy),
    ApiCookieAuth('session'),
    csrfHeader,
    ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'Not signed in' }),
    ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Not a member of a lender organisation' }),
  );

/**
 * The caller must have re-entered their password in this session within the last
 * RECENT_PASSWORD_MINUTES (POST /api/auth/confirm-password); otherwise 403
 * PASSWORD_CONFIRMATION_REQUIRED. Checked after the route's access policy.
 */
export const RecentPassword = () =>
  applyDecorators(
    SetMetadata(RECENT_PASSWORD, true),
    ApiForbiddenResponse({
      type: ErrorBodyDto,
      description: `PASSWORD_CONFIRMATION_REQUIRED: confirm your password first (valid ${RECENT_PASSWORD_MINUTES} minutes)`,
    }),
  );

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (!req.principal) throw new Error('CurrentPrincipal used on a route without a signed-in policy');
  return req.principal;
});

export const CurrentAccess = createParamDecorator((_: unknown, ctx: ExecutionContext): BusinessAccess => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (!req.access) throw new Error('CurrentAccess used on a route without a business policy');
  return req.access;
});

export const CurrentLender = createParamDecorator((_: unknown, ctx: ExecutionContext): LenderAccess => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (!req.lender) throw new Error('CurrentLender used on a route without a lender policy');
  return req.lender;
});
