import { computed, ref } from 'vue';
import { createApiClient } from '@shared/api/client';
import type { Schemas } from '@shared/api/types';

const KEY = 'lingong.staff.session';

interface StaffSession {
  accessToken: string;
  account: Schemas['Account'];
  /** Where this desk stands (综合服务区 1 号窗口…): recorded with what is done here, e.g. a walk-in's consent. */
  desk: string;
}

/**
 * The staff member signed in at this desk. Kept in this tab's storage only: desks are shared, and
 * closing the browser signs out. Cleared on sign-out and when the token lapses (8 hours, or the
 * account was disabled).
 */
const current = ref<StaffSession | undefined>(read());

function read(): StaffSession | undefined {
  try {
    const stored = sessionStorage.getItem(KEY);
    return stored ? (JSON.parse(stored) as StaffSession) : undefined;
  } catch {
    return undefined;
  }
}

export const session = {
  signedIn: computed(() => current.value !== undefined),
  account: computed(() => current.value?.account),
  isAdmin: computed(() => current.value?.account.role === 'admin'),
  desk: computed(() => current.value?.desk ?? ''),
  start(value: StaffSession): void {
    current.value = value;
    try {
      sessionStorage.setItem(KEY, JSON.stringify(value));
    } catch {
      // Private mode: signed in while the page stays open.
    }
  },
  end(): void {
    current.value = undefined;
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      // Nothing kept.
    }
  },
};

export const api = createApiClient({ token: () => current.value?.accessToken, lapsed: () => session.end() });
