import { computed, ref } from 'vue';
import { createApiClient } from '@shared/api/client';

const KEY = 'lingong.employer.session';

/**
 * The employer's sign-in on this browser (a phone or the office PC): the access token, kept in this browser's storage (never in
 * a URL). Cleared on sign-out, when the token lapses, and on a 401.
 */
const token = ref<string | undefined>(read());

function read(): string | undefined {
  try {
    return localStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export const session = {
  signedIn: computed(() => token.value !== undefined),
  start(accessToken: string): void {
    token.value = accessToken;
    try {
      localStorage.setItem(KEY, accessToken);
    } catch {
      // Private mode: signed in for this visit only.
    }
  },
  end(): void {
    token.value = undefined;
    try {
      localStorage.removeItem(KEY);
    } catch {
      // Nothing kept.
    }
  },
};

export const api = createApiClient({ token: () => token.value, lapsed: () => session.end() });
