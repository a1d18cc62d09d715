import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, validationFailed } from '../../common/errors';
import { Db } from '../../db/db';
import { AuditService } from '../audit/audit.service';
import { ROLE_PERMISSIONS } from '../access/permissions';
import type { AuthedRequest, Principal } from '../access/principal';
import type { SignInDto, SignUpDto, UpdateMeDto, UserDto } from './dto/auth.dto';
import { hashPassword, verifyPassword } from './passwords';
import { SessionsService } from './sessions.service';
import { SignInThrottle } from './sign-in-throttle';
import { publicUser, UsersRepository } from './users.repository';

@Injectable()
export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditService,
  ) {}

  async signUp(dto: SignUpDto, req: AuthedRequest, res: Response): Promise<UserDto> {
    const passwordHash = await hashPassword(dto.password);
    return this.db.account(null, async (tx) => {
      const user = await this.users.insert(tx, {
        email: dto.email,
        name: dto.name,
        passwordHash,
        locale: dto.locale ?? 'en',
      });
      if (!user) {
        throw new DomainError('EMAIL_TAKEN', 'An account with this email already exists; sign in instead', {
          fields: [{ field: 'email', code: 'taken', message: 'already has an account' }],
        });
      }
      await this.audit.security(tx, { kind: 'sign_up', userId: user.id, email: user.email, ip: req.ip });
      await this.sessions.create(tx, user.id, req, res);
      return publicUser(user);
    });
  }

  async signIn(dto: SignInDto, req: AuthedRequest, res: Response): Promise<UserDto> {
    const ip = req.ip ?? null;
    try {
      await this.db.account(null, (tx) => this.throttle.check(tx, dto.email, ip));
    } catch (e) {
      await this.db.account(null, (tx) => this.audit.security(tx, { kind: 'sign_in_throttled', email: dto.email, ip }));
      throw e;
    }
    const user = await this.db.account(null, (tx) => this.users.findByEmail(tx, dto.email));
    const ok = await verifyPassword(user?.passwordHash ?? null, dto.password);
    return this.db.account(null, async (tx) => {
      if (!user || !ok) {
        await this.audit.security(tx, { kind: 'sign_in_failed', userId: user?.id, email: dto.email, ip });
        return null;
      }
      await this.audit.security(tx, { kind: 'sign_in', userId: user.id, email: user.email, ip });
      await this.sessions.create(tx, user.id, req, res);
      return publicUser(user);
    }).then((result) => {
      // The failure is recorded (committed) before it is reported, so it counts toward the limit.
      if (!result) throw new DomainError('INVALID_CREDENTIALS', 'Email or password is incorrect');
      return result;
    });
  }

  async signOut(principal: Principal, req: AuthedRequest, res: Response): Promise<void> {
    await this.db.account(principal.userId, async (tx) => {
      await this.sessions.revoke(tx, principal.sessionId, res);
      await this.audit.security(tx, { kind: 'sign_out', userId: principal.userId, ip: req.ip });
    });
  }

  /**
   * Re-entering the password before an act that needs it (granting consent; later, accepting a
   * loan). Throttled like sign-in, and a wrong password counts toward the account's lockout. The
   * outcome is recorded outside the request's transaction, so a refusal is counted although the
   * request fails.
   */
  async confirmPassword(principal: Principal, password: string, req: AuthedRequest): Promise<void> {
    const ip = req.ip ?? null;
    const event = (kind: 'password_confirmed' | 'password_confirm_failed' | 'sign_in_throttled') =>
      this.db.outside(() =>
        this.db.account(principal.userId, (tx) => this.audit.security(tx, { kind, userId: principal.userId, email: principal.email, ip })),
      );
    try {
      await this.db.account(null, (tx) => this.throttle.check(tx, principal.email, ip));
    } catch (e) {
      await event('sign_in_throttled');
      throw e;
    }
    const user = await this.db.account(null, (tx) => this.users.findById(tx, principal.userId));
    if (!(await verifyPassword(user?.passwordHash ?? null, password))) {
      await event('password_confirm_failed');
      throw validationFailed([{ field: 'password', code: 'wrong_password', message: 'is not your current password' }]);
    }
    await this.db.account(principal.userId, (tx) => this.sessions.markPasswordConfirmed(tx, principal.sessionId));
    await event('password_confirmed');
  }

  me(principal: Principal) {
    return this.db.account(principal.userId, async (tx) => {
      const user = await this.users.findById(tx, principal.userId);
      if (!user) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue');
      return {
        user: publicUser(user),
        businesses: (await this.users.businessesOf(tx, principal.userId)).map((b) => ({
          ...b,
          permissions: [...ROLE_PERMISSIONS[b.role]],
        })),
        lenderOrganisations: await this.users.lenderOrganisationsOf(tx, principal.userId),
      };
    });
  }

  updateMe(principal: Principal, dto: UpdateMeDto): Promise<UserDto> {
    return this.db.account(principal.userId, async (tx) =>
      publicUser(await this.users.update(tx, principal.userId, dto)),
    );
  }
}
