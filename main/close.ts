/**
 * Closing a window with unsaved changes, as desktop programs do: Save / Don't save / Cancel.
 * Save asks the page to save (the menu's Save, which may show Save As) and closes once the page
 * reports it is saved, if that happens soon; a cancelled Save As leaves the window open.
 * Pure logic, so it is tested without Electron.
 */

export const CLOSE_BUTTONS = ['Save', 'Don’t save', 'Cancel'] as const;

export function closeDialogOptions(title: string) {
  return {
    type: 'warning' as const,
    buttons: [...CLOSE_BUTTONS],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    message: `Save the changes to “${title || 'this project'}” before closing?`,
    detail: 'Your changes will be lost if you don’t save them.',
  };
}

/** How long after choosing Save a clean state still closes the window. */
export const SAVE_THEN_CLOSE_MS = 120_000;

export type CloseStep = { action: 'close' } | { action: 'stay' } | { action: 'save-then-close' };

/** What the window does on close, given whether there are unsaved changes and the button chosen. */
export function onClose(dirty: boolean, choose: () => number): CloseStep {
  if (!dirty) return { action: 'close' };
  const choice = choose();
  if (choice === 1) return { action: 'close' };
  if (choice === 0) return { action: 'save-then-close' };
  return { action: 'stay' };
}

/** After "Save" on close: close when the page reports clean within the time allowed. */
export function shouldCloseAfterSave(pendingSince: number | null, nowDirty: boolean, now: number): boolean {
  return pendingSince !== null && !nowDirty && now - pendingSince <= SAVE_THEN_CLOSE_MS;
}
