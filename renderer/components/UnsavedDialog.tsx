import { useEffect, useRef } from 'react';

export interface UnsavedDialogProps {
  /** The project's name. */
  readonly name: string;
  /** What the analyst asked for: "opening another project". */
  readonly action: string;
  onChoose(choice: 'save' | 'discard' | 'cancel'): void;
}

/**
 * Save / Don't save / Cancel, as desktop programs ask before unsaved work would be lost.
 * A modal dialog: focus starts on Save, Tab stays inside, Escape cancels.
 */
export function UnsavedDialog({ name, action, onChoose }: UnsavedDialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const before = useRef<Element | null>(null);
  useEffect(() => {
    before.current = document.activeElement;
    ref.current?.querySelector<HTMLButtonElement>('button.primary')?.focus();
    return () => (before.current as HTMLElement | null)?.focus?.();
  }, []);
  return (
    <div className="modal-backdrop">
      <div
        ref={ref}
        className="modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="unsaved-title"
        aria-describedby="unsaved-text"
        data-testid="unsaved-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onChoose('cancel');
          } else if (e.key === 'Tab') {
            const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
            const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
            const next = buttons[(i + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length];
            e.preventDefault();
            next?.focus();
          }
        }}
      >
        <h2 id="unsaved-title">Save the changes to “{name}”?</h2>
        <p id="unsaved-text">Your changes will be lost if you don’t save them before {action}.</p>
        <div className="row-actions">
          <button type="button" className="primary" onClick={() => onChoose('save')}>
            Save
          </button>
          <button type="button" onClick={() => onChoose('discard')}>
            Don’t save
          </button>
          <button type="button" onClick={() => onChoose('cancel')}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
