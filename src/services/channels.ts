/**
 * The IPC channel names, apart from the schemas so the preload (bundled into one sandboxed
 * file) carries no validation library: it only forwards, main validates.
 */
import type { BriefsmithApi } from './api';

/** Method → IPC channel. Typed against the interface, so a method without a channel fails to compile. */
export const CHANNELS: { readonly [M in keyof BriefsmithApi]: `briefsmith:${M}` } = {
  importFiles: 'briefsmith:importFiles',
  importFileContents: 'briefsmith:importFileContents',
  importText: 'briefsmith:importText',
  reimportFiles: 'briefsmith:reimportFiles',
  extract: 'briefsmith:extract',
  preview: 'briefsmith:preview',
  exportDocument: 'briefsmith:exportDocument',
  listTemplates: 'briefsmith:listTemplates',
  newProject: 'briefsmith:newProject',
  openProject: 'briefsmith:openProject',
  openProjectBackup: 'briefsmith:openProjectBackup',
  saveProject: 'briefsmith:saveProject',
  saveProjectAs: 'briefsmith:saveProjectAs',
  recentProjects: 'briefsmith:recentProjects',
  autosave: 'briefsmith:autosave',
  recover: 'briefsmith:recover',
  discardRecovery: 'briefsmith:discardRecovery',
  openPath: 'briefsmith:openPath',
  showInFolder: 'briefsmith:showInFolder',
};

export const API_METHODS = Object.keys(CHANNELS) as ReadonlyArray<keyof BriefsmithApi>;

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
