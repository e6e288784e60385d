/**
 * The IPC channel names and the list of API methods, apart from the schemas so the preload
 * (bundled into one sandboxed file) carries no validation library: it only forwards, main
 * validates. This file imports nothing: `api.ts` checks at compile time that `API_METHODS`
 * and the `BriefsmithApi` interface name the same methods.
 */

/** Every method of `BriefsmithApi`, in one list. */
export const API_METHODS = [
  'importFiles',
  'importFileContents',
  'importText',
  'reimportFiles',
  'extract',
  'extractUpdate',
  'cancelJob',
  'preview',
  'previewPages',
  'exportDocument',
  'listTemplates',
  'newProject',
  'openProject',
  'openProjectBackup',
  'saveProject',
  'saveProjectAs',
  'recentProjects',
  'autosave',
  'recover',
  'primeExtraction',
  'adoptExtraction',
  'readTextPart',
  'discardRecovery',
  'openPath',
  'showInFolder',
] as const;
export type ApiMethodName = (typeof API_METHODS)[number];

/** Method → IPC channel. */
export const CHANNELS = Object.freeze(Object.fromEntries(API_METHODS.map((m) => [m, `briefsmith:${m}`]))) as { readonly [M in ApiMethodName]: `briefsmith:${M}` };

/** Events main pushes to the renderer (one channel each). */
export const EVENT_CHANNELS = {
  progress: 'briefsmith:event:progress',
  /** A menu command: 'new' | 'open' | 'save' | 'saveAs' | 'undo' | 'redo' | 'export-docx' | 'export-pdf'. */
  menu: 'briefsmith:event:menu',
  /** A `.briefsmith` file the OS asked us to open; the path is already approved. */
  openFile: 'briefsmith:event:openFile',
} as const;

export const MENU_COMMANDS = ['new', 'open', 'save', 'saveAs', 'undo', 'redo', 'export-docx', 'export-pdf'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** One-way messages the renderer sends to main. */
export const SEND_CHANNELS = {
  dirty: 'briefsmith:send:dirty',
} as const;
