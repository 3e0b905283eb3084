/**
 * A stand-in with only the methods a test expects to be called: touching any other member fails
 * the test at once (as immich's strict repository mocks do), so a new side effect cannot slip by.
 */
export function strictMock<T extends object>(implemented: Partial<{ [K in keyof T]: unknown }>): T {
  return new Proxy(implemented, {
    get(target, property) {
      if (property in target) return (target as Record<PropertyKey, unknown>)[property];
      if (property === 'then' || typeof property === 'symbol') return undefined;
      throw new Error(`unexpected use of ${String(property)}`);
    },
  }) as T;
}
