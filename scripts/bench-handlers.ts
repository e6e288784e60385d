/**
 * The service handlers as the benches drive them: no dialogs (or the paths a bench queues in
 * `dialogs`), a fixed clock, no progress sink, user data in a scratch folder. One definition for
 * bench-service.ts and bench-renderer.ts.
 */
export interface BenchDialogs {
  /** What the next open dialogs answer, in order (then: cancelled). */
  readonly open: string[][];
  /** What the next save dialogs answer, in order (then: cancelled). */
  readonly save: string[];
}

export async function benchHandlers(userDataDir: string, dialogs: BenchDialogs = { open: [], save: [] }): Promise<ReturnType<typeof import('../src/services/handlers').createHandlers>> {
  const { createHandlers } = await import('../src/services/handlers');
  return createHandlers({
    chooseFilesToOpen: async () => dialogs.open.shift() ?? null,
    chooseSavePath: async () => dialogs.save.shift() ?? null,
    userDataDir,
    openPath: async () => undefined,
    showInFolder: () => undefined,
    now: () => new Date('2025-03-10T00:00:00Z'),
    emitProgress: () => undefined,
    approvedPaths: new Set(),
  });
}
