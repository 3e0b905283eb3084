import { computed, ref } from 'vue';
import { createApiClient } from '@shared/api/client';

/**
 * A sign-in kept on this device: the access token in this browser's storage under `key` (never in
 * a URL), cleared on sign-out and when the API says the token lapsed (a 401). The seeker's phone
 * and the employer's pages each keep one; the staff desk keeps its own per tab.
 */
export function tokenSession(key: string) {
  const token = ref<string | undefined>(read());

  function read(): string | undefined {
    try {
      return localStorage.getItem(key) ?? undefined;
    } catch {
      return undefined;
    }
  }

  const session = {
    signedIn: computed(() => token.value !== undefined),
    start(accessToken: string): void {
      token.value = accessToken;
      try {
        localStorage.setItem(key, accessToken);
      } catch {
        // Private mode: signed in for this visit only.
      }
    },
    end(): void {
      token.value = undefined;
      try {
        localStorage.removeItem(key);
      } catch {
        // Nothing kept.
      }
    },
  };
  const api = createApiClient({ token: () => token.value, lapsed: () => session.end() });
  return { session, api };
}
