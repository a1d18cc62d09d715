import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { decodeCursor, PageQueryDto, pageOf } from '../../common/pagination';
import { Db } from '../../db/db';
import { BusinessPermission, CurrentAccess } from '../access/access.decorators';
import type { BusinessAccess } from '../access/principal';

class AuditActorDto {
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['user', 'lender', 'system'] }) kind: string;
}

class AuditEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'member.role_changed' }) action: string;
  @ApiProperty({ type: AuditActorDto, nullable: true }) actor: AuditActorDto | null;
  @ApiProperty({ type: String, nullable: true, example: 'membership' }) targetType: string | null;
  @ApiProperty({ type: String, nullable: true }) targetId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventDto] }) items: AuditEventDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

@ApiTags('audit')
@Controller('businesses/:businessId/audit-events')
export class AuditController {
  constructor(private readonly db: Db) {}

  @Get()
  @BusinessPermission('audit.read')
  @ApiOperation({ summary: 'The business audit log, newest first', operationId: 'listAuditEvents' })
  @ApiOkResponse({ type: AuditEventPageDto })
  list(@CurrentAccess() a: BusinessAccess, @Query() q: PageQueryDto) {
    const limit = q.limit ?? 50;
    const after = decodeCursor(q.cursor);
    return this.db.tenant(a.businessId, async (t) =>
      pageOf(
        await t.query(
          `SELECT e.id, e.action,
                  CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('name', u.name, 'kind', e.actor_kind) END AS actor,
                  e.target_type AS "targetType", e.target_id AS "targetId", e.details, e.created_at AS "createdAt",
                  e.created_at::text AS "cursorAt"
             FROM audit_events e LEFT JOIN users u ON u.id = e.actor_user_id
            WHERE e.business_id = $1 AND ($2::timestamptz IS NULL OR (e.created_at, e.id) < ($2::timestamptz, $3::uuid))
            ORDER BY e.created_at DESC, e.id DESC LIMIT $4`,
          [t.businessId, after?.at ?? null, after?.id ?? null, limit + 1],
        ),
        limit,
      ),
    );
  }
}
