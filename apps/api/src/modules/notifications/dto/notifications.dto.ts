import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination';
import { NOTIFICATION_KINDS } from '../notification-kinds';

export class NotificationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'Only notifications the caller has not read' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  unread?: 'true' | 'false';
}

export class NotificationTargetDto {
  @ApiProperty({ example: 'reorder_suggestion' }) type: string;
  @ApiProperty({ format: 'uuid' }) id: string;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: (typeof NOTIFICATION_KINDS)[number];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'What happened, as data (ids, codes, quantities); the app words it in the reader\'s language',
    example: { sku: 'TEA-1', productName: 'Sencha', locationCode: 'MAIN', available: '3', reorderPoint: '5', unit: 'pcs' },
  })
  params: Record<string, string>;
  @ApiProperty({ type: NotificationTargetDto, nullable: true, description: 'What the notification is about, to link to' })
  target: NotificationTargetDto | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the caller read it' }) readAt: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ description: 'Unread notifications of the caller in this business' }) unreadCount: number;
}

export class UnreadCountDto {
  @ApiProperty({ example: 3 }) count: number;
}

export class MarkedReadDto {
  @ApiProperty({ description: 'How many notifications this call marked as read' }) marked: number;
}
