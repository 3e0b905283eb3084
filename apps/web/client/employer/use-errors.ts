import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { explain, type ApiError } from '@shared/api/errors';

/** The errors of the last answer, in plain words, each beside the field it is about (or at the top). */
export function useErrors() {
  const { t, te } = useI18n();
  const errors = ref<{ field?: string; text: string }[]>([]);
  return {
    errors,
    clear: () => (errors.value = []),
    show: (error: ApiError | undefined) => (errors.value = explain(t, te, error)),
    say: (field: string | undefined, key: string, named: Record<string, unknown> = {}) => (errors.value = [{ field, text: t(key, named) }]),
    of: (field: string) =>
      errors.value
        .filter((error) => error.field === field)
        .map((error) => error.text)
        .join(' '),
    general: () => errors.value.filter((error) => !error.field),
  };
}
