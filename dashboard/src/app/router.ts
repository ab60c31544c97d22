import type { ApolloClient } from '@apollo/client';
import { createRouter, createWebHistory, type Router } from 'vue-router';
import { canOpen, homeFor, PAGES, viewerOf } from './routes';
import { loadSession, session } from './session';

/**
 * The router built from the route table: a page the caller's role may not open goes to the forbidden page (saying
 * which page), one that needs a session sends an anonymous caller (outside demo mode) to the login page.
 */
export function createAppRouter(client: ApolloClient): Router {
  const router = createRouter({
    history: createWebHistory(),
    routes: [
      // Resolved by the guard below once the session is known: the role's home page.
      { path: '/', name: 'home', component: () => import('../features/system/NotFoundPage.vue') },
      ...PAGES.map((page) => ({ path: page.path, name: page.name, component: page.component, meta: { page } })),
      {
        path: '/:rest(.*)*',
        name: 'not-found',
        component: () => import('../features/system/NotFoundPage.vue'),
      },
    ],
    scrollBehavior: () => ({ top: 0 }),
  });

  router.beforeEach(async (to) => {
    await loadSession(client);
    if (to.name === 'home') return { path: homeFor(viewerOf(session.me)), replace: true };
    const page = PAGES.find((candidate) => candidate.name === to.name);
    if (!page || page.roles === 'public') return true;
    if (!session.me) return { name: 'login', query: { next: to.fullPath } };
    if (!canOpen(page, viewerOf(session.me))) return { name: 'forbidden', query: { from: to.path } };
    return true;
  });
  return router;
}
