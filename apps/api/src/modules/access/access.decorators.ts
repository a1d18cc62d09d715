import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth, ApiHeader, ApiParam, ApiNotFoundResponse, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from '../../common/error-body.dto';
import type { Permission } from './permissions';
import type { AuthedRequest, BusinessAccess, Principal } from './principal';

export const ACCESS_POLICY = 'keeper:access';

export type AccessPolicy =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'business'; permission: Permission };

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
