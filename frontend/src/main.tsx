import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider, createBrowserRouter } from 'react-router-dom';
import './i18n/i18n';
import './styles.css';
import './ui/forms.css';
import { QueryProvider } from './api/QueryProvider';
import { APP_PAGES } from './app/appPages';
import { NotFoundPage } from './app/NotFoundPage';
import { PageGate } from './app/PageGate';
import { AuthProvider } from './auth/AuthProvider';
import { LoginPage } from './auth/LoginPage';
import { AppShell } from './layout/AppShell';

const router = createBrowserRouter([
  {
    element: <AppShell />,
    children: [
      { path: '/login', element: <LoginPage /> },
      ...APP_PAGES.map((page) => ({ path: page.path, element: <PageGate page={page} /> })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <AuthProvider>
      <QueryProvider>
        <RouterProvider router={router} />
      </QueryProvider>
    </AuthProvider>
  </StrictMode>,
);
