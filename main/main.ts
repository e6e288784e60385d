/**
 * Electron main: a thin shell. It creates the one window with the settings of
 * `security.ts`, serves the packaged renderer from `app://briefsmith/`, registers the
 * handlers of `src/services` through the one IPC wrapper, and owns the native parts
 * (dialogs, menu, shell, file-open events). All work is done by the core.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type MenuItemConstructorOptions, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { EVENT_CHANNELS, type MenuCommand, type ProgressEvent } from '../src/services/api';
import { createHandlers, type ServiceEnv } from '../src/services/handlers';
import { registerApi, registerDirtyListener, type IpcMainLike } from './ipc';
import { closeDialogOptions, onClose, shouldCloseAfterSave } from './close';
import { APP_ENTRY, APP_SCHEME, guardNavigation, guardSession, resolveAppFile, responseHeaders, windowOpenDecision, windowOptions, windowTitle } from './security';

const RENDERER_ROOT = path.join(__dirname, '..', 'renderer');
const PRELOAD = path.join(__dirname, 'preload.cjs');

// Every renderer sandboxed, not only the windows whose options say so.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let mainWindow: BrowserWindow | null = null;
let dirty = false;
/** The project's name as the page shows it (for the close dialog). */
let dirtyTitle = '';
/** When the analyst chose Save in the close dialog (null: not asked). */
let saveThenCloseSince: number | null = null;
/** `.briefsmith` files the OS asked us to open before the window was ready. */
const pendingOpen: string[] = [];
const approvedPaths = new Set<string>();

const projectArg = (argv: readonly string[]): string | null => argv.slice(1).find((a) => a.toLowerCase().endsWith('.briefsmith') && !a.startsWith('-')) ?? null;

function openFromOs(file: string): void {
  const abs = path.resolve(file);
  approvedPaths.add(abs);
  if (mainWindow && !mainWindow.webContents.isLoading()) mainWindow.webContents.send(EVENT_CHANNELS.openFile, abs);
  else pendingOpen.push(abs);
}

function sendMenu(command: MenuCommand): void {
  mainWindow?.webContents.send(EVENT_CHANNELS.menu, command);
}

function buildMenu(): Menu {
  const item = (label: string, accelerator: string, command: MenuCommand): MenuItemConstructorOptions => ({ label, accelerator, click: () => sendMenu(command) });
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('&New Project', 'CmdOrCtrl+N', 'new'),
        item('&Open Project…', 'CmdOrCtrl+O', 'open'),
        { type: 'separator' },
        item('&Save', 'CmdOrCtrl+S', 'save'),
        item('Save &As…', 'CmdOrCtrl+Shift+S', 'saveAs'),
        { type: 'separator' },
        item('Export &DOCX…', 'CmdOrCtrl+E', 'export-docx'),
        item('Export &PDF…', 'CmdOrCtrl+Shift+E', 'export-pdf'),
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        item('&Undo', 'CmdOrCtrl+Z', 'undo'),
        item('&Redo', process.platform === 'win32' ? 'Ctrl+Y' : 'CmdOrCtrl+Shift+Z', 'redo'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: '&View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
  ];
  return Menu.buildFromTemplate(template);
}

function createEnv(): ServiceEnv {
  return {
    async chooseFilesToOpen({ title, filters, multiple }) {
      const options: OpenDialogOptions = {
        title,
        filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      };
      const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : r.filePaths;
    },
    async chooseSavePath({ title, defaultName, filters }) {
      const options: SaveDialogOptions = {
        title,
        defaultPath: path.join(app.getPath('documents'), defaultName),
        filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
      };
      const r = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    userDataDir: app.getPath('userData'),
    async openPath(p) {
      const err = await shell.openPath(p);
      if (err) throw new Error(`${p}: ${err}`);
    },
    showInFolder: (p) => shell.showItemInFolder(p),
    now: () => new Date(),
    emitProgress: (e: ProgressEvent) => mainWindow?.webContents.send(EVENT_CHANNELS.progress, e),
    approvedPaths,
    // Found from the app root: the core's defaults look next to the module, which a CJS bundle cannot tell.
    templatesDir: path.join(app.getAppPath(), 'templates'),
    fontsDir: path.join(app.getAppPath(), 'assets', 'fonts'),
  };
}

function createWindow(): void {
  const win = new BrowserWindow(windowOptions(PRELOAD));
  mainWindow = win;
  const wc = win.webContents;
  // Navigation, new-window and webview guards: put on every web contents in 'web-contents-created'.
  wc.on('did-finish-load', () => {
    for (const p of pendingOpen.splice(0)) wc.send(EVENT_CHANNELS.openFile, p);
  });
  win.once('ready-to-show', () => win.show());
  win.on('close', (event) => {
    // Save / Don't save / Cancel. Save asks the page to save and closes once it reports clean.
    const step = onClose(dirty, () => dialog.showMessageBoxSync(win, closeDialogOptions(dirtyTitle)));
    if (step.action === 'close') return;
    event.preventDefault();
    if (step.action === 'save-then-close') {
      saveThenCloseSince = Date.now();
      wc.send(EVENT_CHANNELS.menu, 'save');
    }
  });
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(APP_ENTRY);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    const p = projectArg(argv);
    if (p) openFromOs(p);
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFromOs(file);
  });
  // Every web contents (the window, and anything else that is ever created) gets the guards.
  app.on('web-contents-created', (_event, contents) => {
    guardNavigation(contents);
    // Never a new window; only an allow-listed https link goes to the system browser.
    contents.setWindowOpenHandler(({ url }) => {
      const d = windowOpenDecision(url);
      if (d.openExternally) void shell.openExternal(url);
      return { action: d.action };
    });
  });

  void app.whenReady().then(() => {
    protocol.handle(APP_SCHEME, async (request) => {
      const hit = resolveAppFile(RENDERER_ROOT, request.url);
      if (!hit) return new Response('Not found', { status: 404 });
      try {
        return new Response(new Uint8Array(await readFile(hit.file)), { status: 200, headers: responseHeaders(hit.mime) });
      } catch {
        return new Response('Not found', { status: 404 });
      }
    });
    guardSession(session.defaultSession);

    const ipc: IpcMainLike = ipcMain;
    registerApi(ipc, createHandlers(createEnv()), { onRefused: (channel, reason) => console.warn(`briefsmith: refused ${channel}: ${reason}`) });
    registerDirtyListener(ipc, (state) => {
      dirty = state.dirty;
      dirtyTitle = state.title;
      if (shouldCloseAfterSave(saveThenCloseSince, state.dirty, Date.now())) {
        saveThenCloseSince = null;
        mainWindow?.close();
      }
      mainWindow?.setTitle(windowTitle(state.title, state.dirty));
      mainWindow?.setDocumentEdited(state.dirty);
    });
    Menu.setApplicationMenu(buildMenu());

    const fromArgs = projectArg(process.argv);
    if (fromArgs) openFromOs(fromArgs);
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
