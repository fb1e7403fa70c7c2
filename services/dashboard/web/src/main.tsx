import '@fontsource/noto-sans-devanagari/400.css';
import '@fontsource/noto-sans-devanagari/700.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { SessionProvider, useSession } from './auth';
import { Layout } from './components/Layout';
import './i18n';
import { AreaPage } from './pages/AreaPage';
import { CompliancePage } from './pages/CompliancePage';
import { LoginPage } from './pages/LoginPage';
import { MeetingsPage } from './pages/MeetingsPage';
import './styles.css';

/** Signed-in pages; a signed-out visitor goes to /login, everyone else lands on their own area. */
function Protected({ page }: { page: 'home' | 'area' | 'meetings' | 'compliance' }) {
  const { principal } = useSession();
  if (!principal) return <Navigate to="/login" replace />;
  if (page === 'home') return <Navigate to={`/area/${principal.areaId}`} replace />;
  return page === 'area' ? <AreaPage /> : page === 'meetings' ? <MeetingsPage /> : <CompliancePage />;
}

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <Protected page="home" /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/area/:id', element: <Protected page="area" /> },
      { path: '/area/:id/meetings', element: <Protected page="meetings" /> },
      { path: '/compliance/:id', element: <Protected page="compliance" /> },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  </StrictMode>,
);
