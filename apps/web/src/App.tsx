import { Route, Routes } from 'react-router-dom';
import { RequireAuth } from './modules/auth/components/RequireAuth';
import { AppLayout } from './modules/shell/components/AppLayout';
import { DashboardPage } from './pages/DashboardPage';
import { IndicatorsPage } from './pages/IndicatorsPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OrgUnitsPage } from './pages/OrgUnitsPage';

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
        <Route index element={<DashboardPage />} />
        <Route path="org-units" element={<OrgUnitsPage />} />
        <Route path="org-units/:unitId" element={<OrgUnitsPage />} />
        <Route path="indicators" element={<IndicatorsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
