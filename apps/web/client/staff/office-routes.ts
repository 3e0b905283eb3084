import type { RouteRecordRaw } from 'vue-router';

/**
 * The crews desk (劳务对接区) and the office behind (办公室). Paths are relative to /staff/; pages
 * load when opened (the dashboard's charts only on the dashboard). The month report is drawn
 * alone (`print`), as it goes to paper for the district.
 */
export const officeRoutes: RouteRecordRaw[] = [
  { path: '/crews', name: 'crews', component: () => import('./crews/CrewsPage.vue') },
  {
    path: '/office',
    component: () => import('./office/OfficeLayout.vue'),
    children: [
      { path: '', name: 'office', component: () => import('./office/DashboardPage.vue') },
      { path: 'review', name: 'office-review', component: () => import('./office/ReviewPage.vue') },
      { path: 'reports', name: 'office-reports', component: () => import('./office/ReportsPage.vue') },
      { path: 'employers', name: 'office-employers', component: () => import('./office/EmployersPage.vue') },
      { path: 'wages', name: 'office-wages', component: () => import('./office/WagesPage.vue') },
    ],
  },
  { path: '/office/month', name: 'office-month', component: () => import('./office/MonthReportPage.vue'), meta: { print: true } },
];
