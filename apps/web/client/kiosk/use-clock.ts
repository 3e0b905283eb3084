import { onBeforeUnmount, ref } from 'vue';

/** Now, ticking every `everyMs`, for the board's clock and for taking started shifts down. */
export function useNow(everyMs = 1_000) {
  const now = ref(new Date());
  const timer = setInterval(() => (now.value = new Date()), everyMs);
  onBeforeUnmount(() => clearInterval(timer));
  return now;
}
