/**
 * The service handlers as the benches drive them: no dialogs, a fixed clock, no progress sink,
 * user data in a scratch folder. One definition for bench-service.ts and bench-renderer.ts.
 */
export async function benchHandlers(userDataDir: string): Promise<ReturnType<typeof import('../src/services/handlers').createHandlers>> {
  const { createHandlers } = await import('../src/services/handlers');
  return createHandlers({
    chooseFilesToOpen: async () => null,
    chooseSavePath: async () => null,
    userDataDir,
    openPath: async () => undefined,
    showInFolder: () => undefined,
    now: () => new Date('2025-03-10T00:00:00Z'),
    emitProgress: () => undefined,
    approvedPaths: new Set(),
  });
}
