import { useEffect, useState } from 'react';
import type { Project } from '../../src/model';
import type { ExportFormat, ExportedFile } from '../../src/services/api';
import { call, getApi } from '../api';

export interface PreviewStepProps {
  readonly project: Project;
  readonly busy: boolean;
  readonly lastExport: ExportedFile | null;
  onExport(format: ExportFormat): void;
  onError(e: unknown): void;
}

const PREVIEW_DELAY_MS = 250;
const kb = (n: number): string => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/**
 * The briefing as it will print: the HTML renderer's output of the same DocTree the DOCX and
 * PDF exports are made from, shown in a sandboxed frame (no scripts, no same-origin access).
 */
export function PreviewStep({ project, busy, lastExport, onExport, onError }: PreviewStepProps) {
  const [html, setHtml] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      call(getApi().preview({ project }))
        .then((r) => {
          if (!live) return;
          setHtml(r.html);
          setProblem(null);
        })
        .catch((e: unknown) => live && setProblem(e instanceof Error ? e.message : String(e)));
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [project]);

  const open = (which: 'openPath' | 'showInFolder') => {
    if (!lastExport) return;
    call(getApi()[which]({ path: lastExport.path })).catch(onError);
  };

  return (
    <section className="step-panel preview" aria-labelledby="preview-title">
      <div className="panel-head">
        <div>
          <h2 id="preview-title">Preview &amp; export</h2>
          <p className="hint">This is the document as it will be exported. Export writes a Word document or a PDF to a place you choose.</p>
        </div>
        <div className="actions">
          <button type="button" className="primary" onClick={() => onExport('docx')} disabled={busy} data-export="docx">
            Export DOCX…
          </button>
          <button type="button" className="primary" onClick={() => onExport('pdf')} disabled={busy} data-export="pdf">
            Export PDF…
          </button>
        </div>
      </div>
      {lastExport && (
        <div className="exported" role="status" data-testid="last-export">
          <span>
            Exported <strong>{lastExport.path.split(/[\\/]/).pop()}</strong> ({kb(lastExport.bytes)})
          </span>
          <button type="button" onClick={() => open('openPath')}>
            Open file
          </button>
          <button type="button" onClick={() => open('showInFolder')}>
            Show in folder
          </button>
        </div>
      )}
      {problem && (
        <div className="notice error" role="alert">
          The preview could not be made: {problem}
        </div>
      )}
      <div className="preview-frame-wrap">
        {html === null ? (
          <p className="empty">Preparing the preview…</p>
        ) : (
          <iframe title="Briefing preview" className="preview-frame" sandbox="" srcDoc={html} data-testid="preview-frame" />
        )}
      </div>
    </section>
  );
}
