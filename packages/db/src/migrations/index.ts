import { InitialSchema1763800000000 } from './1763800000000-initial-schema';
import { ReportsAndRollups1763900000000 } from './1763900000000-reports-and-rollups';
import { Plans1764100000000 } from './1764100000000-plans';
import { Notifications1764200000000 } from './1764200000000-notifications';
import { SummaryReports1764300000000 } from './1764300000000-summary-reports';
import { UnitContacts1764400000000 } from './1764400000000-unit-contacts';
import { PlanExecution1764500000000 } from './1764500000000-plan-execution';
import { NotificationMessageEn1764600000000 } from './1764600000000-notification-message-en';
import { CategoryValuesAndReconciliation1764600100000 } from './1764600100000-category-values-and-reconciliation';
import { ReportPeriodFormIndex1764700000000 } from './1764700000000-report-period-form-index';

/** Every migration, in order. Schema changes only ever come through here (never `synchronize`). */
export const MIGRATIONS = [
  InitialSchema1763800000000,
  ReportsAndRollups1763900000000,
  Plans1764100000000,
  Notifications1764200000000,
  SummaryReports1764300000000,
  UnitContacts1764400000000,
  PlanExecution1764500000000,
  NotificationMessageEn1764600000000,
  CategoryValuesAndReconciliation1764600100000,
  ReportPeriodFormIndex1764700000000,
];
