import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorBodyDto } from '../../common/error-body.dto';
import { BusinessPermission, CurrentAccess } from '../access/access.decorators';
import type { BusinessAccess } from '../access/principal';
import { MarkedReadDto, NotificationDto, NotificationListQueryDto, NotificationPageDto, UnreadCountDto } from './dto/notifications.dto';
import { NotificationsService } from './notifications.service';

/** Every member may read notifications; each sees only the kinds their role may act on. */
@ApiTags('notifications')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field' })
@Controller('businesses/:businessId/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @BusinessPermission('business.read')
  @ApiOperation({ summary: 'Notifications for the caller, newest first, with the unread count', operationId: 'listNotifications' })
  @ApiOkResponse({ type: NotificationPageDto })
  list(@CurrentAccess() a: BusinessAccess, @Query() q: NotificationListQueryDto) {
    return this.notifications.list(a, q);
  }

  @Get('unread-count')
  @BusinessPermission('business.read')
  @ApiOperation({ summary: 'How many notifications the caller has not read (for the bell)', operationId: 'countUnreadNotifications' })
  @ApiOkResponse({ type: UnreadCountDto })
  unreadCount(@CurrentAccess() a: BusinessAccess) {
    return this.notifications.unreadCount(a);
  }

  @Post('read-all')
  @BusinessPermission('business.read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark every notification as read for the caller', operationId: 'markAllNotificationsRead' })
  @ApiOkResponse({ type: MarkedReadDto })
  readAll(@CurrentAccess() a: BusinessAccess) {
    return this.notifications.markAllRead(a);
  }

  @Post(':notificationId/read')
  @BusinessPermission('business.read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one notification as read for the caller', operationId: 'markNotificationRead' })
  @ApiOkResponse({ type: NotificationDto })
  read(@CurrentAccess() a: BusinessAccess, @Param('notificationId', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) notificationId: string) {
    return this.notifications.markRead(a, notificationId);
  }
}
