import { lazy, type ReactNode } from 'react';
import { matchPath } from 'react-router-dom';
import type { Audience } from '../auth/roles';
import { HomePage } from '../home/HomePage';

// MapLibre and deck.gl are the bulk of the bundle; only the map route loads them.
const MapPage = lazy(() => import('../map/MapPage'));
// The report form carries its own map; the tracking page has none and stays small.
const ReportPage = lazy(() => import('../report/ReportPage'));
const TrackPage = lazy(() => import('../track/TrackPage'));
const OperatorCallPage = lazy(() => import('../operator/OperatorCallPage'));
const AdminHomePage = lazy(() => import('../admin/AdminHomePage'));
const RoutingRulesPage = lazy(() => import('../admin/routing/RoutingRulesPage'));
const SlaPoliciesPage = lazy(() => import('../admin/sla/SlaPoliciesPage'));
const CalendarPage = lazy(() => import('../admin/calendar/CalendarPage'));
const OnTimePage = lazy(() => import('../admin/on-time/OnTimePage'));
const UsersPage = lazy(() => import('../admin/users/UsersPage'));
const AuditPage = lazy(() => import('../admin/audit/AuditPage'));
const SessionsPage = lazy(() => import('../auth/SessionsPage'));
// The leaders' dashboard carries its own map (MapLibre, deck.gl), so it loads on its own too.
const DashboardPage = lazy(() => import('../dashboard/DashboardPage'));
// The transparency map: aggregates only, open to everyone.
const PublicMapPage = lazy(() => import('../public-map/PublicMapPage'));
const WorkbenchPage = lazy(() => import('../workbench/WorkbenchPage'));
const WorkbenchTicketPage = lazy(() => import('../workbench/TicketPage'));
const RankingsPage = lazy(() => import('../rankings/RankingsPage'));
const PrivacyPage = lazy(() => import('../privacy/PrivacyPage'));
const PrivacyRequestsPage = lazy(() => import('../admin/privacy/PrivacyRequestsPage'));

export type NavLabelKey =
  | 'nav.home'
  | 'nav.map'
  | 'operator.nav'
  | 'workbench.nav'
  | 'report.navLabel'
  | 'track.navLabel'
  | 'admin.nav.routing'
  | 'admin.nav.sla'
  | 'admin.nav.onTime'
  | 'admin.nav.users'
  | 'admin.nav.privacy'
  | 'dashboard.nav'
  | 'publicMap.nav'
  | 'rankings.nav';

export interface AppPage {
  id: string;
  path: string;
  /** 'everyone' includes anonymous visitors (citizens); a list names who may open the page. */
  audiences: 'everyone' | readonly Audience[];
  /** Pages with a nav entry appear in the header for the audiences that may open them (or only `audiences`). */
  nav?: {
    audiences?: readonly Audience[];
    id:
      | 'home'
      | 'map'
      | 'operator-call'
      | 'workbench'
      | 'report'
      | 'track'
      | 'admin-routing'
      | 'admin-sla'
      | 'admin-on-time'
      | 'admin-users'
      | 'admin-privacy'
      | 'dashboard'
      | 'public-map'
      | 'rankings';
    labelKey: NavLabelKey;
  };
  render(): ReactNode;
}

/**
 * The one route table. A new page (report form, operator console, workbench, dashboard,
 * admin screens) is one more entry here with its audiences; the header and the guards follow.
 */
export const APP_PAGES: readonly AppPage[] = [
  {
    id: 'citizen-home',
    path: '/',
    audiences: ['citizen'],
    nav: { id: 'home', labelKey: 'nav.home' },
    render: () => <HomePage />,
  },
  {
    id: 'operator-home',
    path: '/operator',
    audiences: ['operator'],
    nav: { id: 'home', labelKey: 'nav.home' },
    render: () => <HomePage />,
  },
  {
    id: 'operator-call',
    path: '/operator/call',
    audiences: ['operator'],
    nav: { id: 'operator-call', labelKey: 'operator.nav' },
    render: () => <OperatorCallPage />,
  },
  {
    id: 'official-home',
    path: '/official',
    audiences: ['ward_official', 'department_official'],
    nav: { id: 'home', labelKey: 'nav.home' },
    render: () => <HomePage />,
  },
  {
    id: 'workbench',
    path: '/workbench',
    // Leaders read any unit's queue, named in the address (`?unit=`), from the dashboard's ward panel.
    audiences: ['ward_official', 'department_official', 'leader'],
    nav: { id: 'workbench', labelKey: 'workbench.nav', audiences: ['ward_official', 'department_official'] },
    render: () => <WorkbenchPage />,
  },
  {
    id: 'workbench-ticket',
    path: '/workbench/tickets/:id',
    audiences: ['ward_official', 'department_official', 'leader'],
    render: () => <WorkbenchTicketPage />,
  },
  {
    id: 'leader-home',
    path: '/leader',
    audiences: ['leader'],
    nav: { id: 'home', labelKey: 'nav.home' },
    render: () => <HomePage />,
  },
  // The leaders' working screen; its header link is the leader's way in from the home page.
  {
    id: 'dashboard',
    path: '/dashboard',
    audiences: ['leader', 'admin'],
    nav: { id: 'dashboard', labelKey: 'dashboard.nav' },
    render: () => <DashboardPage />,
  },
  {
    id: 'rankings',
    path: '/rankings',
    audiences: ['leader', 'admin'],
    nav: { id: 'rankings', labelKey: 'rankings.nav' },
    render: () => <RankingsPage />,
  },
  {
    id: 'admin-home',
    path: '/admin',
    audiences: ['admin'],
    nav: { id: 'home', labelKey: 'nav.home' },
    render: () => <AdminHomePage />,
  },
  // Leaders read the routing rules, SLA policies and on-time figures; writing stays with admins.
  {
    id: 'admin-routing',
    path: '/admin/routing',
    audiences: ['admin', 'leader'],
    nav: { id: 'admin-routing', labelKey: 'admin.nav.routing' },
    render: () => <RoutingRulesPage />,
  },
  {
    id: 'admin-sla',
    path: '/admin/sla',
    audiences: ['admin', 'leader'],
    nav: { id: 'admin-sla', labelKey: 'admin.nav.sla' },
    render: () => <SlaPoliciesPage />,
  },
  // Edited a few times a year: reached from the admin home, not the header.
  {
    id: 'admin-calendar',
    path: '/admin/calendar',
    audiences: ['admin'],
    render: () => <CalendarPage />,
  },
  {
    id: 'admin-on-time',
    path: '/admin/on-time',
    audiences: ['admin', 'leader'],
    nav: { id: 'admin-on-time', labelKey: 'admin.nav.onTime' },
    render: () => <OnTimePage />,
  },
  {
    id: 'admin-users',
    path: '/admin/users',
    audiences: ['admin'],
    nav: { id: 'admin-users', labelKey: 'admin.nav.users' },
    render: () => <UsersPage />,
  },
  // Admins handle requests from every channel; call-centre operators record the ones made on the phone.
  {
    id: 'admin-privacy',
    path: '/admin/privacy-requests',
    audiences: ['admin', 'operator'],
    // Admins reach it from their home, as the audit trail (their header is full); operators from the header.
    nav: { id: 'admin-privacy', labelKey: 'admin.nav.privacy', audiences: ['operator'] },
    render: () => <PrivacyRequestsPage />,
  },
  // Read now and then: reached from the admin home, not the header.
  {
    id: 'admin-audit',
    path: '/admin/audit',
    audiences: ['admin'],
    render: () => <AuditPage />,
  },
  // Every staff member's own sessions, from the user menu.
  {
    id: 'account-sessions',
    path: '/account/sessions',
    audiences: ['operator', 'ward_official', 'department_official', 'leader', 'admin'],
    render: () => <SessionsPage />,
  },
  {
    id: 'report',
    path: '/report',
    audiences: 'everyone',
    nav: { id: 'report', labelKey: 'report.navLabel' },
    render: () => <ReportPage />,
  },
  {
    id: 'track',
    path: '/track',
    audiences: 'everyone',
    nav: { id: 'track', labelKey: 'track.navLabel' },
    render: () => <TrackPage />,
  },
  {
    id: 'track-code',
    path: '/track/:code',
    audiences: 'everyone',
    render: () => <TrackPage />,
  },
  // The citizen's own data (Law 91/2025/QH15), linked from the home, report and tracking pages.
  {
    id: 'privacy',
    path: '/privacy',
    audiences: 'everyone',
    render: () => <PrivacyPage />,
  },
  {
    id: 'map',
    path: '/map',
    audiences: 'everyone',
    nav: { id: 'map', labelKey: 'nav.map' },
    render: () => <MapPage />,
  },
  {
    id: 'public-map',
    path: '/public-map',
    audiences: 'everyone',
    nav: { id: 'public-map', labelKey: 'publicMap.nav' },
    render: () => <PublicMapPage />,
  },
];

/** Where each audience lands after signing in and where its "Home" link points. */
export const HOME_PATH: Record<Audience, string> = {
  citizen: '/',
  // The call console is the operator's working screen: sign-in lands there.
  operator: '/operator/call',
  // The queue is the official's working screen: sign-in and the brand link land there.
  ward_official: '/workbench',
  department_official: '/workbench',
  leader: '/leader',
  admin: '/admin',
};

export function allows(page: AppPage, audience: Audience): boolean {
  return page.audiences === 'everyone' || page.audiences.includes(audience);
}

export function navPagesFor(audience: Audience): AppPage[] {
  return APP_PAGES.filter((page) => page.nav && allows(page, audience) && (!page.nav.audiences || page.nav.audiences.includes(audience)));
}

/** True when `pathname` is a page this audience may open (used to honour a post-login return path). */
export function canVisit(pathname: string, audience: Audience): boolean {
  const page = APP_PAGES.find((candidate) => matchPath({ path: candidate.path, end: true }, pathname));
  return page !== undefined && allows(page, audience);
}
