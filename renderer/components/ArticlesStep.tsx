import { memo, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { Article } from '../../src/model';
import type { ImportFailure } from '../../src/services/api';
import type { ArticlePatch } from '../state/project';
import { articleLabel, wordCount } from '../state/review';

export interface ArticlesStepProps {
  readonly articles: readonly Article[];
  readonly failures: readonly ImportFailure[];
  readonly busy: boolean;
  onImportDialog(): void;
  onDropFiles(files: readonly File[]): void;
  onPaste(text: string): Promise<boolean>;
  onRemove(id: string): void;
  /** Reads the article's file again (file articles only). */
  onReimport(article: Article): void;
  onReextract(): void;
  onDismissFailures(): void;
  onNext(): void;
  /** The analyst corrects an article's title, outlet, date or URL (one undo step). */
  onEdit(id: string, patch: ArticlePatch, label: string): void;
  /** An article to open for correction (from the pre-export check). */
  readonly target?: string | null;
}

/** One formatter for every row (`toLocaleString` with a locale builds one per call). */
const WORDS = new Intl.NumberFormat('en-GB');

const urlOf = (a: Article): string => (a as { url?: string | null }).url ?? '';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface RowActions {
  edit(id: string): void;
  reimport(a: Article): void;
  remove(id: string): void;
}

/**
 * One article's row. Drawn again only when its article or the busy state changes, and its word
 * count is counted once per article: adding one article to 500 draws one new row, not 501.
 */
const ArticleRow = memo(function ArticleRow({ article: a, busy, actions }: { article: Article; busy: boolean; actions: RowActions }) {
  const words = useMemo(() => WORDS.format(wordCount(a.text)), [a.text]);
  return (
    <tr data-article={a.id}>
      <td className="title-cell">
        {a.title ?? <em className="muted">Untitled</em>}
        {urlOf(a) && <div className="muted small url">{urlOf(a)}</div>}
      </td>
      <td>{a.outlet ?? <span className="muted">—</span>}</td>
      <td className="nowrap">{a.published ?? <span className="muted">—</span>}</td>
      <td className="num">{words}</td>
      <td className="muted small">{originLabel(a)}</td>
      <td className="row-actions">
        <button type="button" className="link edit-article" onClick={() => actions.edit(a.id)} aria-label={`Edit details of ${articleLabel(a)}`}>
          Edit
        </button>
        {a.origin.kind === 'file' && (
          <button type="button" className="link" onClick={() => actions.reimport(a)} aria-label={`Re-import ${a.title ?? 'article'}`} disabled={busy} title="Read the file again, e.g. after it was corrected">
            Re-import
          </button>
        )}
        <button type="button" className="link danger" onClick={() => actions.remove(a.id)} aria-label={`Remove ${a.title ?? 'article'}`} disabled={busy}>
          Remove
        </button>
      </td>
    </tr>
  );
});

/** The form that corrects what the file said about an article. */
function ArticleEditor({ article, onSave, onCancel }: { article: Article; onSave(patch: ArticlePatch): void; onCancel(): void }) {
  const [form, setForm] = useState({ title: article.title ?? '', outlet: article.outlet ?? '', published: article.published ?? '', url: urlOf(article) });
  const [problem, setProblem] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  return (
    <form
      className="article-editor"
      aria-label={`Edit ${articleLabel(article)}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        const published = form.published.trim();
        if (published && !DATE.test(published)) {
          setProblem('Write the date as YYYY-MM-DD, e.g. 2026-10-12.');
          return;
        }
        const url = form.url.trim();
        if (url && !/^https?:\/\/\S+$/i.test(url)) {
          setProblem('The URL should start with http:// or https://.');
          return;
        }
        const clean = (v: string): string | null => v.trim() || null;
        const patch: ArticlePatch = { title: clean(form.title), outlet: clean(form.outlet), published: published || null, ...(url || urlOf(article) ? { url: url || null } : {}) };
        onSave(patch);
      }}
    >
      <label>
        <span>Title</span>
        <input name="title" autoFocus value={form.title} onChange={set('title')} />
      </label>
      <label>
        <span>Outlet</span>
        <input name="outlet" value={form.outlet} onChange={set('outlet')} />
      </label>
      <label>
        <span>Published (YYYY-MM-DD)</span>
        <input name="published" value={form.published} onChange={set('published')} placeholder="2026-10-12" />
      </label>
      <label>
        <span>URL</span>
        <input name="url" type="url" value={form.url} onChange={set('url')} placeholder="https://" />
      </label>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="row-actions">
        <button type="submit" className="primary">
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

const originLabel = (a: Article): string => (a.origin.kind === 'paste' ? 'Pasted text' : (a.origin.path.split(/[\\/]/).pop() ?? a.origin.path));

export function ArticlesStep(props: ArticlesStepProps) {
  const [dragging, setDragging] = useState(false);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [pasted, setPasted] = useState('');
  const [editingId, setEditingId] = useState<string | null>(props.target ?? null);
  const tableRef = useRef<HTMLTableElement>(null);
  useEffect(() => {
    if (props.target) setEditingId(props.target);
  }, [props.target]);
  // The rows' buttons call the latest props through one object that never changes, so a row is drawn again only when its article does.
  const latest = useRef(props);
  latest.current = props;
  const rowActions = useMemo<RowActions>(() => ({ edit: (id) => setEditingId(id), reimport: (a) => latest.current.onReimport(a), remove: (id) => latest.current.onRemove(id) }), []);
  const endEdit = (id: string) => {
    setEditingId(null);
    setTimeout(() => tableRef.current?.querySelector<HTMLElement>(`tr[data-article="${CSS.escape(id)}"] button.edit-article`)?.focus(), 0);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const files = [...e.dataTransfer.files];
    if (files.length) props.onDropFiles(files);
  };

  return (
    <section className="step-panel" aria-labelledby="articles-title">
      <div className="panel-head">
        <div>
          <h2 id="articles-title">Articles</h2>
          <p className="hint">Add news articles as .txt, .md, .html, .docx or .pdf files, or paste text. Briefsmith extracts people, delegations, positions, outlook and attacks from them.</p>
        </div>
        <div className="actions">
          {props.articles.length > 0 && (
            <button type="button" onClick={props.onReextract} disabled={props.busy} title="Run the extraction again; your review decisions are kept">
              Re-extract
            </button>
          )}
          <button type="button" className="primary" onClick={props.onNext} disabled={props.articles.length === 0}>
            Review findings →
          </button>
        </div>
      </div>

      <div
        className={`dropzone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <p>
          <strong>Drop article files here</strong>
          <span> or </span>
        </p>
        <div className="dropzone-actions">
          <button type="button" className="primary" onClick={props.onImportDialog} disabled={props.busy}>
            Choose files…
          </button>
          <button type="button" onClick={() => setPasteOpen((o) => !o)} aria-expanded={pasteOpen}>
            Paste text
          </button>
        </div>
      </div>

      {pasteOpen && (
        <form
          className="paste"
          onSubmit={(e) => {
            e.preventDefault();
            void props.onPaste(pasted).then((done) => {
              if (done) {
                setPasted('');
                setPasteOpen(false);
              }
            });
          }}
        >
          <label htmlFor="paste-text">Article text (first line is taken as the title)</label>
          <textarea id="paste-text" rows={8} value={pasted} onChange={(e) => setPasted(e.target.value)} placeholder="Paste the article here…" />
          <div className="row-actions">
            <button type="submit" className="primary" disabled={!pasted.trim() || props.busy}>
              Add article
            </button>
            <button type="button" onClick={() => setPasteOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}

      {props.failures.length > 0 && (
        <div className="failures" role="alert">
          <div className="failures-head">
            <strong>
              {props.failures.length} file{props.failures.length === 1 ? '' : 's'} could not be imported
            </strong>
            <button type="button" className="link" onClick={props.onDismissFailures}>
              Dismiss
            </button>
          </div>
          <ul>
            {props.failures.map((f) => (
              <li key={f.file}>
                <code>{f.file.split(/[\\/]/).pop()}</code> — {f.message.startsWith(`${f.file}: `) ? f.message.slice(f.file.length + 2) : f.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      {props.articles.length === 0 ? (
        <p className="empty">No articles yet.</p>
      ) : (
        <table className="grid" aria-label="Imported articles" ref={tableRef}>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Outlet</th>
              <th scope="col">Published</th>
              <th scope="col" className="num">
                Words
              </th>
              <th scope="col">Source</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.articles.map((a) =>
              editingId === a.id ? (
                <tr key={a.id} data-article={a.id} className="editing">
                  <td colSpan={6}>
                    <ArticleEditor
                      article={a}
                      onCancel={() => endEdit(a.id)}
                      onSave={(patch) => {
                        props.onEdit(a.id, patch, `Edited the details of '${patch.title ?? articleLabel(a)}'`);
                        endEdit(a.id);
                      }}
                    />
                  </td>
                </tr>
              ) : (
                <ArticleRow key={a.id} article={a} busy={props.busy} actions={rowActions} />
              ),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
