import { useEffect, useRef, useState } from 'react';
import type { RecentProject } from '../../src/services/api';

export interface HeaderProps {
  readonly name: string;
  readonly dirty: boolean;
  readonly path: string | null;
  readonly recent: readonly RecentProject[];
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** What Undo and Redo would do, e.g. "Rejected 'X'". */
  readonly undoLabel?: string | null;
  readonly redoLabel?: string | null;
  onNew(): void;
  onOpen(path?: string): void;
  onSave(): void;
  onSaveAs(): void;
  onUndo(): void;
  onRedo(): void;
}

const base = (p: string): string => p.split(/[\\/]/).pop() ?? p;

/** Title bar of the window: the project, its unsaved marker, and the project commands. */
export function Header(props: HeaderProps) {
  const [recentOpen, setRecentOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!recentOpen) return;
    const close = (e: MouseEvent) => {
      if (!menuRef.current?.contains(e.target as Node)) setRecentOpen(false);
    };
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && setRecentOpen(false);
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', esc);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', esc);
    };
  }, [recentOpen]);

  return (
    <header className="header">
      <div className="brand" aria-hidden="true">
        <span className="brand-mark">B</span>
      </div>
      <div className="project-name" title={props.path ?? 'Not saved yet'}>
        <h1>{props.name}</h1>
        <span className={`save-state${props.dirty ? ' dirty' : ''}`} data-testid="save-state">
          {props.dirty ? 'Unsaved changes' : props.path ? 'Saved' : 'Not saved'}
        </span>
      </div>
      <div className="toolbar" role="toolbar" aria-label="Project">
        <button type="button" onClick={props.onNew} title="New project (Ctrl+N)">
          New
        </button>
        <button type="button" onClick={() => props.onOpen()} title="Open project (Ctrl+O)">
          Open…
        </button>
        <div className="menu-anchor" ref={menuRef}>
          <button type="button" aria-haspopup="menu" aria-expanded={recentOpen} onClick={() => setRecentOpen((o) => !o)} disabled={props.recent.length === 0}>
            Recent ▾
          </button>
          {recentOpen && (
            <div className="menu" role="menu">
              {props.recent.map((r) => (
                <button
                  key={r.path}
                  type="button"
                  role="menuitem"
                  title={r.path}
                  onClick={() => {
                    setRecentOpen(false);
                    props.onOpen(r.path);
                  }}
                >
                  <strong>{r.title || base(r.path)}</strong>
                  <small>{r.path}</small>
                </button>
              ))}
            </div>
          )}
        </div>
        <button type="button" onClick={props.onSave} title="Save (Ctrl+S)" className={props.dirty ? 'primary' : ''}>
          Save
        </button>
        <button type="button" onClick={props.onSaveAs} title="Save as (Ctrl+Shift+S)">
          Save As…
        </button>
        <span className="toolbar-sep" />
        <button type="button" onClick={props.onUndo} disabled={!props.canUndo} title={props.undoLabel ? `Undo: ${props.undoLabel} (Ctrl+Z)` : 'Undo (Ctrl+Z)'} aria-label="Undo">
          ↶ Undo
        </button>
        <button type="button" onClick={props.onRedo} disabled={!props.canRedo} title={props.redoLabel ? `Redo: ${props.redoLabel} (Ctrl+Shift+Z)` : 'Redo (Ctrl+Shift+Z)'} aria-label="Redo">
          ↷ Redo
        </button>
      </div>
    </header>
  );
}
