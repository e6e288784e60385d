import { useEffect, useMemo, useState, type Dispatch } from 'react';
import type { Project } from '../../src/model';
import type { ExportFormat, ExportedFile, PreviewPages } from '../../src/services/api';
import { call, getApi } from '../api';
import type { DocAction } from '../state/project';
import type { ExportIssue } from '../state/review';
import { PdfPages } from './PdfPages';

export interface PreviewStepProps {
  readonly project: Project;
  readonly busy: boolean;
  readonly lastExport: ExportedFile | null;
  onExport(format: ExportFormat): void;
  onError(e: unknown): void;
  /** The pre-export check: what is not reviewed, settled, titled or complete. */
  readonly issues: readonly ExportIssue[];
  onGoToIssue(issue: ExportIssue): void;
  readonly dispatch: Dispatch<DocAction>;
  /** The reading view's HTML and the PDF's pages of a project, made where the project is held (the store's `preview`, `previewPages`). */
  preview(project: Project): Promise<{ html: string }>;
  previewPages(project: Project): Promise<PreviewPages>;
}

const ISSUE_GROUPS: ReadonlyArray<{ kind: ExportIssue['kind']; title: (n: number) => string }> = [
  { kind: 'conflict', title: (n) => `${n} disagreement${n === 1 ? '' : 's'} between sources not settled` },
  { kind: 'unreviewed', title: (n) => `${n} item${n === 1 ? '' : 's'} not reviewed` },
  { kind: 'untitled', title: (n) => `${n} source${n === 1 ? '' : 's'} without a title` },
  { kind: 'clipped', title: (n) => `${n} text${n === 1 ? '' : 's'} that may be cut off` },
];
/** Long lists show their first items; the filters in Review show the rest. */
const SHOW_PER_GROUP = 8;

type UnreviewedMode = 'draft' | 'accepted-only';

/** Before export: every open question, each a link to where it is fixed, and what to do with unreviewed items. */
function ExportCheck({ issues, onGoToIssue, mode, onMode }: { issues: readonly ExportIssue[]; onGoToIssue(i: ExportIssue): void; mode: UnreviewedMode; onMode(m: UnreviewedMode): void }) {
  const unreviewed = issues.filter((i) => i.kind === 'unreviewed' || i.kind === 'conflict').length;
  return (
    <section className={`export-check${issues.length ? '' : ' clear'}`} aria-labelledby="check-title" data-testid="export-check">
      <h3 id="check-title">{issues.length ? 'Before you export' : 'Ready to export: everything is reviewed'}</h3>
      <fieldset className="unreviewed-mode">
        <legend>Items not accepted yet</legend>
        <label>
          <input type="radio" name="unreviewed" value="accepted-only" checked={mode === 'accepted-only'} onChange={() => onMode('accepted-only')} />
          Leave them out (accepted items only)
        </label>
        <label>
          <input type="radio" name="unreviewed" value="draft" checked={mode === 'draft'} onChange={() => onMode('draft')} />
          Print them and mark the document DRAFT{unreviewed ? ` (${unreviewed} unreviewed)` : ''}
        </label>
      </fieldset>
      {ISSUE_GROUPS.map((g) => {
        const list = issues.filter((i) => i.kind === g.kind);
        if (list.length === 0) return null;
        return (
          <details key={g.kind} open className={`issue-group ${g.kind}`}>
            <summary>{g.title(list.length)}</summary>
            <ul>
              {list.slice(0, SHOW_PER_GROUP).map((i, n) => (
                <li key={n}>
                  <button type="button" className="link" onClick={() => onGoToIssue(i)}>
                    {i.text}
                  </button>
                </li>
              ))}
              {list.length > SHOW_PER_GROUP && <li className="muted">and {list.length - SHOW_PER_GROUP} more (use the “To review” filter in Review)</li>}
            </ul>
          </details>
        );
      })}
    </section>
  );
}

const PREVIEW_DELAY_MS = 250;
/** Making the PDF costs more than the HTML: wait until the analyst pauses. */
const PDF_DELAY_MS = 1200;

type PreviewView = 'pages' | 'text';
const VIEWS: ReadonlyArray<{ id: PreviewView; label: string }> = [
  { id: 'pages', label: 'PDF pages' },
  { id: 'text', label: 'Reading view' },
];

/** The PDF's bytes from the base64 the API carries. */
function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
const kb = (n: number): string => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/**
 * The briefing as it will print: the PDF export's own pages, drawn by pdf.js, with the page
 * count beside the template's budget; or, to read, the HTML renderer's output of the same
 * DocTree in a sandboxed frame (no scripts, no same-origin access).
 */
export function PreviewStep({ project, busy, lastExport, onExport, onError, issues, onGoToIssue, dispatch, preview, previewPages }: PreviewStepProps) {
  const mode: UnreviewedMode = (project.briefing.options as { unreviewed?: UnreviewedMode }).unreviewed ?? 'draft';
  const [html, setHtml] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  /** The PDF export now: its bytes, its page count and the template's budget. */
  const [pages, setPages] = useState<PreviewPages | null>(null);
  const [view, setView] = useState<PreviewView>('pages');
  const pdf = useMemo(() => (pages ? fromBase64(pages.pdfBase64) : null), [pages]);

  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      previewPages(project)
        .then((r) => live && setPages(r))
        .catch(() => live && setPages(null));
    }, PDF_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [project, previewPages]);

  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      preview(project)
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
  }, [project, preview]);

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
      <ExportCheck
        issues={issues}
        onGoToIssue={onGoToIssue}
        mode={mode}
        onMode={(m) => dispatch({ type: 'setOptions', patch: { unreviewed: m }, label: m === 'accepted-only' ? 'Export accepted items only' : 'Export unreviewed items marked DRAFT' })}
      />
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
      {lastExport?.warnings?.map((w) => (
        <div key={w} className="notice warning" role="status" data-testid="export-warning">
          <span>{w}</span>
        </div>
      ))}
      {problem && (
        <div className="notice error" role="alert">
          The preview could not be made: {problem}
        </div>
      )}
      <p className="page-count" role="status" data-testid="page-count">
        {pages === null
          ? 'Counting the PDF’s pages…'
          : `The PDF export has ${pages.pages} page${pages.pages === 1 ? '' : 's'}${pages.budget ? ` (template budget: ${pages.budget})` : ''}.`}
        {pages && pages.budget !== null && pages.pages > pages.budget && <strong className="over"> Over the budget: leave out sections or items.</strong>}
      </p>
      <div className="preview-views" role="group" aria-label="Preview as">
        {VIEWS.map((v) => (
          <button key={v.id} type="button" aria-pressed={view === v.id} className={view === v.id ? 'current' : ''} onClick={() => setView(v.id)} data-view={v.id}>
            {v.label}
          </button>
        ))}
      </div>
      {view === 'pages' ? (
        // Scrolls by keyboard too: a tab stop of its own.
        <div className="pdf-wrap" role="region" aria-label="PDF pages" tabIndex={0}>
          {pdf ? <PdfPages pdf={pdf} /> : <p className="empty">Making the PDF…</p>}
        </div>
      ) : (
        <div className="preview-frame-wrap">
          {html === null ? (
            <p className="empty">Preparing the preview…</p>
          ) : (
            <iframe title="Briefing preview" className="preview-frame" sandbox="" srcDoc={html} data-testid="preview-frame" />
          )}
        </div>
      )}
    </section>
  );
}
