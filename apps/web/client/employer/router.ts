import { createRouter, createWebHistory } from 'vue-router';
import { session } from './session';
import ShiftsPage from './pages/ShiftsPage.vue';

/** The employer's pages under /employer. Only the first view loads at once; the rest when opened. */
export const router = createRouter({
  history: createWebHistory('/employer/'),
  routes: [
    { path: '/', name: 'shifts', component: ShiftsPage, meta: { signedIn: true } },
    { path: '/sign-in', name: 'sign-in', component: () => import('./pages/SignInPage.vue') },
    { path: '/profile', name: 'profile', component: () => import('./pages/ProfilePage.vue'), meta: { signedIn: true } },
    { path: '/post', name: 'post', component: () => import('./pages/PostShiftPage.vue'), meta: { signedIn: true } },
    { path: '/shifts/:id', name: 'shift', component: () => import('./pages/ShiftPage.vue'), props: true, meta: { signedIn: true } },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

router.beforeEach((to) => {
  if (to.meta.signedIn && !session.signedIn.value) return { name: 'sign-in' };
  return true;
});
