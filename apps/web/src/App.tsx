import { Route, Routes } from 'react-router-dom';
import { RequireAuth } from './modules/auth/components/RequireAuth';
import { RequireRole } from './modules/auth/components/RequireRole';
import { AppLayout } from './modules/shell/components/AppLayout';
import { Home } from './modules/shell/components/Home';
import { AuditPage } from './pages/AuditPage';
import { BulkEntryPage } from './pages/BulkEntryPage';
import { BelowThresholdPage } from './pages/BelowThresholdPage';
import { CentralPage } from './pages/CentralPage';
import { CompletenessPage } from './pages/CompletenessPage';
import { IndicatorsPage } from './pages/IndicatorsPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OrgUnitsPage } from './pages/OrgUnitsPage';
import { PlanProgressPage } from './pages/PlanProgressPage';
import { PlanCalendarPage } from './pages/PlanCalendarPage';
import { PlanDetailPage } from './pages/PlanDetailPage';
import { PlanImportPage } from './pages/PlanImportPage';
import { PlansPage } from './pages/PlansPage';
import { PlanUnitPage } from './pages/PlanUnitPage';
import { ReportFormsPage } from './pages/ReportFormsPage';
import { ReportPage } from './pages/ReportPage';
import { ReportsPage } from './pages/ReportsPage';
import { ReportsSettingsPage } from './pages/ReportsSettingsPage';
import { RollupsPage } from './pages/RollupsPage';
import { SummaryReportPage } from './pages/SummaryReportPage';
import { TenantOnboardingPage, TenantsPage } from './pages/TenantsPage';
import { UsersPage } from './pages/UsersPage';

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Home />} />
        <Route path="dashboard/plan-progress" element={<PlanProgressPage />} />
        <Route path="dashboard/below-threshold" element={<BelowThresholdPage />} />
        <Route path="org-units" element={<OrgUnitsPage />} />
        <Route path="org-units/:unitId" element={<OrgUnitsPage />} />
        <Route path="indicators" element={<IndicatorsPage />} />
        <Route path="plans" element={<PlansPage />} />
        <Route
          path="plans/import"
          element={
            <RequireRole roles={['tenant_admin', 'unit_manager']}>
              <PlanImportPage />
            </RequireRole>
          }
        />
        <Route path="plans/calendar" element={<PlanCalendarPage />} />
        <Route path="plans/units" element={<PlanUnitPage />} />
        <Route path="plans/units/:unitId" element={<PlanUnitPage />} />
        <Route path="plans/:planId" element={<PlanDetailPage />} />
        <Route path="reports" element={<ReportsPage />} />
        <Route path="reports/completeness" element={<CompletenessPage />} />
        <Route path="reports/summary" element={<SummaryReportPage />} />
        <Route
          path="reports/bulk"
          element={
            <RequireRole roles={['unit_manager', 'tenant_admin']}>
              <BulkEntryPage />
            </RequireRole>
          }
        />
        <Route
          path="reports/settings"
          element={
            <RequireRole roles={['tenant_admin']}>
              <ReportsSettingsPage />
            </RequireRole>
          }
        />
        <Route path="reports/forms" element={<ReportFormsPage />} />
        <Route path="reports/:reportId" element={<ReportPage />} />
        <Route path="rollups" element={<RollupsPage />} />
        <Route
          path="central"
          element={
            <RequireRole roles={['central_analyst']}>
              <CentralPage />
            </RequireRole>
          }
        />
        <Route
          path="users"
          element={
            <RequireRole roles={['tenant_admin']}>
              <UsersPage />
            </RequireRole>
          }
        />
        <Route
          path="audit"
          element={
            <RequireRole roles={['tenant_admin']}>
              <AuditPage />
            </RequireRole>
          }
        />
        <Route
          path="tenants"
          element={
            <RequireRole roles={['platform_admin']}>
              <TenantsPage />
            </RequireRole>
          }
        />
        <Route
          path="tenants/new"
          element={
            <RequireRole roles={['platform_admin']}>
              <TenantOnboardingPage />
            </RequireRole>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
