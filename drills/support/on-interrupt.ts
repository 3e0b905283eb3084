/** What to undo if the run is interrupted (Ctrl-C): private servers outlive their parent otherwise. */
const undo = new Set<() => Promise<void>>();

/** Registers `cleanup` for an interrupted run; the returned function forgets it once done normally. */
export function onInterrupt(cleanup: () => Promise<void>): () => void {
  undo.add(cleanup);
  return () => undo.delete(cleanup);
}

export function undoOnInterrupt(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping what the drills started…\n`);
      void Promise.allSettled([...undo].map((cleanup) => cleanup())).then(() => process.exit(130));
    });
}
