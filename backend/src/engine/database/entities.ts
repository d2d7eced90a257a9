import { AuditEventEntity } from '../../modules/audit/audit-event.entity';
import { CategoryEntity } from '../../modules/categories/category.entity';
import { IdempotencyKeyEntity } from '../../modules/intake/idempotency-key.entity';
import { ReportCallerEntity } from '../../modules/intake/report-caller.entity';
import { UploadEntity } from '../../modules/attachments/upload.entity';
import { NotificationEntity } from '../../modules/notifications/notification.entity';
import { SlaClockEntity } from '../../modules/sla/sla-clock.entity';
import { SlaPolicyEntity } from '../../modules/sla/sla-policy.entity';
import { SlaStageEventEntity } from '../../modules/sla/sla-stage-event.entity';
import { AdminUnitLineageEntity } from '../../modules/geo/admin-unit-lineage.entity';
import { AdminUnitEntity } from '../../modules/geo/admin-unit.entity';
import { BasemapFeatureEntity } from '../../modules/geo/basemap-feature.entity';
import { AttachmentEntity } from '../../modules/attachments/attachment.entity';
import { ReportEventEntity } from '../../modules/report-record/report-event.entity';
import { ReportEntity } from '../../modules/report-record/report.entity';
import { RoutingRuleEntity } from '../../modules/routing/routing-rule.entity';
import { HandlingUnitEntity } from '../../modules/units/handling-unit.entity';
import { AppUserEntity } from '../../modules/users/app-user.entity';
import { UserSessionEntity } from '../../modules/auth/user-session.entity';
import { RecoveryCodeEntity } from '../../modules/auth/recovery-code.entity';
import { OutboxEntity } from '../outbox/outbox.entity';
import { ReporterSecretEntity } from '../../modules/reporter-access/reporter-secret.entity';
import { ReportRatingEntity } from '../../modules/tickets/report-rating.entity';
import { BusinessHoursEntity } from '../../modules/sla/calendar/business-hours.entity';
import { CalendarChangeEntity } from '../../modules/sla/calendar/calendar-change.entity';
import { CalendarDayEntity } from '../../modules/sla/calendar/calendar-day.entity';

export const ENTITIES = [
  AdminUnitEntity,
  AdminUnitLineageEntity,
  BasemapFeatureEntity,
  HandlingUnitEntity,
  CategoryEntity,
  RoutingRuleEntity,
  AppUserEntity,
  ReportEntity,
  ReportEventEntity,
  AttachmentEntity,
  OutboxEntity,
  IdempotencyKeyEntity,
  UploadEntity,
  ReportCallerEntity,
  SlaPolicyEntity,
  SlaClockEntity,
  SlaStageEventEntity,
  NotificationEntity,
  BusinessHoursEntity,
  CalendarDayEntity,
  CalendarChangeEntity,
  AuditEventEntity,
  ReporterSecretEntity,
  ReportRatingEntity,
  UserSessionEntity,
  RecoveryCodeEntity,
];
