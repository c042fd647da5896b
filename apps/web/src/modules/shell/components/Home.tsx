import { DashboardPage } from '../../../pages/DashboardPage';
import { ReportsToDoCard } from '../../reports/components/ReportsToDoCard';

/** The first screen after signing in: the reports to send or to decide on, then the overview. */
export function Home() {
  return (
    <>
      <div className="page home-todo">
        <ReportsToDoCard />
      </div>
      <DashboardPage />
    </>
  );
}
