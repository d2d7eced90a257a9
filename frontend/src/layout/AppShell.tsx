import { Outlet } from 'react-router-dom';
import { AppHeader } from './AppHeader';

export function AppShell() {
  return (
    <div className="app-shell">
      <AppHeader />
      <main className="app-shell__main" id="main">
        <Outlet />
      </main>
    </div>
  );
}
