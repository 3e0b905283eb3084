import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { officeRoutes } from './office-routes';
import { session } from './session';
import HomePage from './pages/HomePage.vue';
import SignInPage from './pages/SignInPage.vue';

/**
 * The staff console under /staff, one desk per zone of the market. Every page but sign-in needs a
 * staff sign-in (`admin: true` an admin's). Pages load when opened. No personal data in any path
 * or query (a seeker is opened by id).
 */
const deskRoutes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomePage },
  { path: '/sign-in', name: 'sign-in', component: SignInPage, meta: { public: true } },
  { path: '/register', name: 'walk-in', component: () => import('./pages/WalkInPage.vue') },
  { path: '/seekers', name: 'seekers', component: () => import('./pages/SeekersPage.vue') },
  { path: '/seekers/:id', name: 'seeker', component: () => import('./pages/SeekerPage.vue'), props: true },
  { path: '/referrals', name: 'referrals', component: () => import('./pages/ReferralPage.vue') },
  { path: '/slips/:bookingId', name: 'slip', component: () => import('./pages/SlipPage.vue'), props: true, meta: { print: true } },
  { path: '/accounts', name: 'accounts', component: () => import('./pages/StaffAccountsPage.vue'), meta: { admin: true } },
];

export const router = createRouter({
  history: createWebHistory('/staff/'),
  routes: [...deskRoutes, ...officeRoutes, { path: '/:rest(.*)*', redirect: '/' }],
});

router.beforeEach((to) => {
  if (!to.meta.public && !session.signedIn.value) return { name: 'sign-in', query: to.fullPath === '/' ? {} : { next: to.fullPath } };
  if (to.meta.admin && !session.isAdmin.value) return { name: 'home' };
  return true;
});

declare module 'vue-router' {
  interface RouteMeta {
    /** Open without signing in (the sign-in page). */
    public?: boolean;
    /** Admins only (staff accounts). */
    admin?: boolean;
    /** Drawn alone, without the desk's header and nav (printed pages). */
    print?: boolean;
  }
}
