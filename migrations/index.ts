import { InitialSchema1763683200000 } from './1763683200000-initial-schema';
import { Intake1763769600000 } from './1763769600000-intake';
import { RoutingSla1763942400000 } from './1763942400000-routing-sla';
import { Import1764028800000 } from './1764028800000-import';
import { BusinessCalendar1763856000000 } from './1763856000000-business-calendar';
import { AppRole1764201600000 } from './1764201600000-app-role';
import { NotificationDelivery1764115200000 } from './1764115200000-notification-delivery';
import { ReportAggregates1764288000000 } from './1764288000000-report-aggregates';
import { AuditEvent1764374400000 } from './1764374400000-audit-event';
import { InsightIndexes1764460800000 } from './1764460800000-insight-indexes';
import { NoJit1764547200000 } from './1764547200000-no-jit';
import { ReporterSecret1764633600000 } from './1764633600000-reporter-secret';
import { StaffSessions1764806400000 } from './1764806400000-staff-sessions';
import { AccountAudit1764806400001 } from './1764806400001-account-audit';
import { SecondFactor1764806400002 } from './1764806400002-second-factor';
import { CategoryExactPublicPoint1764892800000 } from './1764892800000-category-exact-public-point';
import { RetentionAudit1764979200000 } from './1764979200000-retention-audit';
import { AuditPersonalSideTable1765065600000 } from './1765065600000-audit-personal-side-table';
import { ReportEventPersonal1765152000000 } from './1765152000000-report-event-personal';
import { ErasureLog1765238400000 } from './1765238400000-erasure-log';
import { PrivacyRequests1765152000500 } from './1765152000500-privacy-requests';

/** Every migration, oldest first. A new migration is added here as well as to this folder. */
export const MIGRATIONS = [
  InitialSchema1763683200000,
  Intake1763769600000,
  RoutingSla1763942400000,
  Import1764028800000,
  BusinessCalendar1763856000000,
  AppRole1764201600000,
  NotificationDelivery1764115200000,
  ReportAggregates1764288000000,
  AuditEvent1764374400000,
  InsightIndexes1764460800000,
  NoJit1764547200000,
  ReporterSecret1764633600000,
  StaffSessions1764806400000,
  AccountAudit1764806400001,
  SecondFactor1764806400002,
  CategoryExactPublicPoint1764892800000,
  RetentionAudit1764979200000,
  AuditPersonalSideTable1765065600000,
  ReportEventPersonal1765152000000,
  PrivacyRequests1765152000500,
  ErasureLog1765238400000,
];
