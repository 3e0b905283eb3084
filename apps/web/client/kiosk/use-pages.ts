import { computed, onBeforeUnmount, ref, type Ref } from 'vue';
import { pageCount, pageOf } from './board';

/** Turns the page by itself every `everyMs`, back to the first after the last. */
export function usePages<T>(items: Ref<T[]>, perPage: number, everyMs: number) {
  const page = ref(0);
  const pages = computed(() => pageCount(items.value.length, perPage));
  const visible = computed(() => pageOf(items.value, Math.min(page.value, pages.value - 1), perPage));
  const timer = setInterval(() => (page.value = (Math.min(page.value, pages.value - 1) + 1) % pages.value), everyMs);
  onBeforeUnmount(() => clearInterval(timer));
  return { page: computed(() => Math.min(page.value, pages.value - 1) + 1), pages, visible };
}
