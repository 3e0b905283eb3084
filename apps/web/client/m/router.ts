import { createRouter, createWebHistory } from 'vue-router';
import { session } from './session';
import BrowsePage from './pages/BrowsePage.vue';

/** The phone pages under /m. Only the first view loads at once; the rest when opened. No personal data in any path or query. */
export const router = createRouter({
  history: createWebHistory('/m/'),
  routes: [
    { path: '/', name: 'browse', component: BrowsePage },
    { path: '/shifts/:id', name: 'shift', component: () => import('./pages/ShiftPage.vue'), props: true },
    { path: '/sign-in', name: 'sign-in', component: () => import('./pages/SignInPage.vue') },
    { path: '/offers', name: 'offers', component: () => import('./pages/OffersPage.vue'), meta: { signedIn: true } },
    { path: '/mine', name: 'mine', component: () => import('./pages/MyShiftsPage.vue'), meta: { signedIn: true } },
    { path: '/profile', name: 'profile', component: () => import('./pages/ProfilePage.vue'), meta: { signedIn: true } },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

router.beforeEach((to) => {
  if (to.meta.signedIn && !session.signedIn.value) return { name: 'sign-in', query: { next: to.name as string } };
  return true;
});
