import { useEffect, useMemo, useRef, useState, type Dispatch, type KeyboardEvent } from 'react';
import { ITEM_SECTIONS, type ItemSection, type Project, type SourceRef } from '../../src/model';
import type { DocAction } from '../state/project';
import {
  articleLabel,
  blankItem,
  COLUMNS,
  EDITABLE_FIELDS,
  fieldsFromForm,
  formFromItem,
  nextAddedNumber,
  POSITION_KIND_OPTIONS,
  reviewRows,
  SECTION_LABELS,
  sectionCounts,
  type ReviewRow,
} from '../state/review';

export interface ReviewStepProps {
  readonly project: Project;
  readonly dispatch: Dispatch<DocAction>;
}

const ONE_ITEM: Readonly<Record<ItemSection, string>> = { people: 'person', delegations: 'delegation', positions: 'position', outlook: 'outlook item', attacks: 'attack' };
const pct = (c: number): string => `${Math.round(c * 100)}%`;
const confidenceClass = (c: number): string => (c < 0.5 ? 'low' : c < 0.8 ? 'mid' : 'high');
const STATUS_LABEL = { pending: 'To review', accepted: 'Accepted', rejected: 'Rejected', edited: 'Edited' } as const;

export function ReviewStep({ project, dispatch }: ReviewStepProps) {
  const [section, setSection] = useState<ItemSection>(() => ITEM_SECTIONS.find((s) => project.findings[s].length > 0) ?? 'people');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Record<string, string> | null>(null);
  const [mergeSel, setMergeSel] = useState<ReadonlySet<string>>(new Set());
  const [sourceIndex, setSourceIndex] = useState(0);

  const rows = useMemo(() => reviewRows(project.findings, project.overlay, section), [project.findings, project.overlay, section]);
  const selected = rows.find((r) => r.id === selectedId) ?? null;

  useEffect(() => {
    setEditing(null);
    setSourceIndex(0);
  }, [selectedId]);
  useEffect(() => {
    setMergeSel(new Set());
  }, [section]);

  const select = (id: string) => setSelectedId(id);
  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, i: number) => {
    const row = rows[i];
    if (!row) return;
    const focusRow = (j: number) => {
      const next = rows[j];
      if (!next) return;
      setSelectedId(next.id);
      (e.currentTarget.parentElement?.children[j] as HTMLElement | undefined)?.focus();
    };
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusRow(i + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusRow(i - 1);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      select(row.id);
    } else if (e.key === 'a') dispatch({ type: 'decide', id: row.id, decision: { status: 'accepted' } });
    else if (e.key === 'r') dispatch({ type: 'decide', id: row.id, decision: { status: 'rejected' } });
  };

  const addItem = () => {
    const item = blankItem(section, nextAddedNumber(project.overlay));
    dispatch({ type: 'addItem', section, item });
    setSelectedId(item.id);
    setEditing(formFromItem(section, item));
  };

  return (
    <section className="step-panel review" aria-labelledby="review-title">
      <div className="panel-head">
        <div>
          <h2 id="review-title">Review findings</h2>
          <p className="hint">Doubtful items come first. Select an item to see the sentence it came from; accept, reject or correct it. Keys: ↑ ↓ move, A accept, R reject.</p>
        </div>
      </div>
      <div className="tabs" role="tablist" aria-label="Sections">
        {ITEM_SECTIONS.map((s) => {
          const c = sectionCounts(project.findings, project.overlay, s);
          return (
            <button
              key={s}
              type="button"
              role="tab"
              aria-selected={s === section}
              className={`tab${s === section ? ' current' : ''}`}
              onClick={() => {
                setSection(s);
                setSelectedId(null);
              }}
              data-section={s}
            >
              {SECTION_LABELS[s]}{' '}
              {c.pending > 0 ? (
                <span className="badge pending" title={`${c.pending} of ${c.total} still to review`}>
                  {c.pending}/{c.total}
                </span>
              ) : (
                <span className="badge" title={`${c.total} reviewed`}>
                  {c.total}
                </span>
              )}
            </button>
          );
        })}
      </div>

      <div className="review-body">
        <div className="review-list">
          <div className="list-actions">
            <button type="button" onClick={addItem}>
              + Add {ONE_ITEM[section]}
            </button>
            {section === 'people' && (
              <button type="button" disabled={mergeSel.size < 2} onClick={() => {
                dispatch({ type: 'mergePeople', ids: [...mergeSel] });
                setMergeSel(new Set());
              }}>
                Merge {mergeSel.size >= 2 ? mergeSel.size : ''} selected
              </button>
            )}
          </div>
          {rows.length === 0 ? (
            <p className="empty">Nothing found in this section. Add an item by hand if the articles mention one.</p>
          ) : (
            <div className="table-scroll">
            <table className="grid selectable" aria-label={`${SECTION_LABELS[section]} found`}>
              <thead>
                <tr>
                  {section === 'people' && (
                    <th scope="col">
                      <span className="sr-only">Select to merge</span>
                    </th>
                  )}
                  <th scope="col">Conf.</th>
                  {COLUMNS[section].map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr
                    key={r.id}
                    tabIndex={0}
                    aria-selected={r.id === selectedId}
                    className={`${r.id === selectedId ? 'selected ' : ''}status-${r.status}`}
                    onClick={() => select(r.id)}
                    onKeyDown={(e) => onRowKey(e, i)}
                    data-item={r.id}
                  >
                    {section === 'people' && (
                      <td onClick={(e) => e.stopPropagation()}>
                        <input
                          type="checkbox"
                          aria-label={`Select ${r.cells[0]} to merge`}
                          checked={mergeSel.has(r.id)}
                          onChange={(e) =>
                            setMergeSel((m) => {
                              const n = new Set(m);
                              if (e.target.checked) n.add(r.id);
                              else n.delete(r.id);
                              return n;
                            })
                          }
                        />
                      </td>
                    )}
                    <td>
                      <span className={`conf ${confidenceClass(r.confidence)}`}>{pct(r.confidence)}</span>
                    </td>
                    {r.cells.map((c, j) => (
                      <td key={j} className={j === 0 || COLUMNS[section][j] === 'Position' || COLUMNS[section][j] === 'Outlook' ? 'main-cell' : ''}>
                        {c}
                        {j === 0 && r.conflicts.length > 0 && <span className="flag" title="Sources disagree">conflict</span>}
                        {j === 0 && r.mergedWith.length > 0 && <span className="flag merged" title="Merged by you">merged</span>}
                        {j === 0 && r.added && <span className="flag added">added</span>}
                      </td>
                    ))}
                    <td>
                      <span className={`status ${r.status}`}>{STATUS_LABEL[r.status]}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          )}
        </div>

        <aside className="review-detail" aria-label="Selected item">
          {!selected ? (
            <p className="empty">Select an item to see its source and decide on it.</p>
          ) : (
            <ItemDetail
              key={selected.id}
              row={selected}
              project={project}
              editing={editing}
              setEditing={setEditing}
              sourceIndex={sourceIndex}
              setSourceIndex={setSourceIndex}
              dispatch={dispatch}
            />
          )}
        </aside>
      </div>
    </section>
  );
}

interface ItemDetailProps {
  readonly row: ReviewRow;
  readonly project: Project;
  readonly editing: Record<string, string> | null;
  setEditing(f: Record<string, string> | null): void;
  readonly sourceIndex: number;
  setSourceIndex(i: number): void;
  readonly dispatch: Dispatch<DocAction>;
}

function ItemDetail({ row, project, editing, setEditing, sourceIndex, setSourceIndex, dispatch }: ItemDetailProps) {
  const source = row.sources[Math.min(sourceIndex, row.sources.length - 1)];
  const decide = (status: 'accepted' | 'rejected') => dispatch({ type: 'decide', id: row.id, decision: row.status === status ? null : { status } });
  return (
    <div className="detail">
      <div className="detail-head">
        <h3>{headlineOf(row)}</h3>
        <span className={`status ${row.status}`}>{STATUS_LABEL[row.status]}</span>
      </div>
      <dl className="facts">
        {COLUMNS[row.section].map((c, i) => (
          <div key={c}>
            <dt>{c}</dt>
            <dd>{row.cells[i]}</dd>
          </div>
        ))}
        <div>
          <dt>Confidence</dt>
          <dd>{pct(row.confidence)}</dd>
        </div>
      </dl>

      {editing ? (
        <form
          className="edit-form"
          aria-label="Edit item"
          onSubmit={(e) => {
            e.preventDefault();
            const fields = fieldsFromForm(row.section, row.item, editing);
            if (Object.keys(fields).length) dispatch({ type: 'edit', id: row.id, fields });
            setEditing(null);
          }}
        >
          {EDITABLE_FIELDS[row.section].map((f) => (
            <label key={f.key}>
              <span>{f.label}</span>
              {f.kind === 'longtext' ? (
                <textarea rows={3} name={f.key} value={editing[f.key] ?? ''} onChange={(e) => setEditing({ ...editing, [f.key]: e.target.value })} />
              ) : f.kind === 'kind' ? (
                <select name={f.key} value={editing[f.key] ?? ''} onChange={(e) => setEditing({ ...editing, [f.key]: e.target.value })}>
                  {POSITION_KIND_OPTIONS.map((k) => (
                    <option key={k} value={k}>
                      {k}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  name={f.key}
                  inputMode={f.kind === 'int' ? 'numeric' : undefined}
                  value={editing[f.key] ?? ''}
                  onChange={(e) => setEditing({ ...editing, [f.key]: e.target.value })}
                />
              )}
            </label>
          ))}
          <div className="row-actions">
            <button type="submit" className="primary">
              Save edit
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="decision-actions" role="group" aria-label="Decision">
          <button type="button" className={row.status === 'accepted' ? 'primary' : ''} onClick={() => decide('accepted')} aria-pressed={row.status === 'accepted'}>
            ✓ Accept
          </button>
          <button type="button" className={row.status === 'rejected' ? 'danger-solid' : ''} onClick={() => decide('rejected')} aria-pressed={row.status === 'rejected'}>
            ✕ Reject
          </button>
          <button type="button" onClick={() => setEditing(formFromItem(row.section, row.item))}>
            ✎ Edit
          </button>
          {row.status !== 'pending' && !row.added && (
            <button type="button" className="link" onClick={() => dispatch({ type: 'decide', id: row.id, decision: null })}>
              Reset
            </button>
          )}
          {row.added && (
            <button type="button" className="link danger" onClick={() => dispatch({ type: 'removeAdded', id: row.id })}>
              Delete
            </button>
          )}
          {row.section === 'people' && (row.mergedWith.length > 0 || (row.item as { variants?: string[] }).variants?.length) ? (
            <button type="button" className="link" onClick={() => dispatch({ type: 'splitPerson', id: row.id })} title="Undo the merge of this person">
              Split
            </button>
          ) : null}
        </div>
      )}

      {row.conflicts.length > 0 && (
        <div className="conflicts">
          <h4>Sources disagree</h4>
          {row.conflicts.map((c) => (
            <div key={c.field} className="conflict">
              <div className="conflict-field">{c.field}</div>
              <div className="conflict-values">
                {c.values.map((v, i) => (
                  <div key={i} className="conflict-value">
                    <strong>{v.value}</strong>
                    {v.sources.map((s, j) => (
                      <blockquote key={j}>
                        {s.sentence}
                        <cite>{articleTitle(project, s.article)}</cite>
                      </blockquote>
                    ))}
                  </div>
                ))}
              </div>
            </div>
          ))}
        </div>
      )}

      <div className="source">
        <div className="source-head">
          <h4>Source</h4>
          {row.sources.length > 1 && (
            <div className="pager">
              {row.sources.map((_, i) => (
                <button key={i} type="button" className={i === sourceIndex ? 'current' : ''} onClick={() => setSourceIndex(i)} aria-label={`Source ${i + 1}`}>
                  {i + 1}
                </button>
              ))}
            </div>
          )}
        </div>
        {source ? <SourceText project={project} source={source} /> : <p className="empty">No source sentence (added by hand).</p>}
      </div>
    </div>
  );
}

/** The words that name an item best: the statement for positions and outlook, else the first column. */
function headlineOf(row: ReviewRow): string {
  const i = COLUMNS[row.section].findIndex((c) => c === 'Position' || c === 'Outlook');
  const [first = '', second = ''] = row.cells;
  const text =
    row.section === 'attacks'
      ? `${first === '—' ? 'Attack' : `${first} attack`}${second === '—' ? '' : ` · ${second}`}`
      : row.section === 'delegations'
        ? `${first} delegation`
        : (row.cells[i >= 0 ? i : 0] ?? '');
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

const articleTitle = (project: Project, id: string): string => {
  const a = project.articles.find((x) => x.id === id);
  return a ? articleLabel(a) : 'Article removed';
};

/** The article's text with the source sentence highlighted and scrolled into view. */
function SourceText({ project, source }: { project: Project; source: SourceRef }) {
  const article = project.articles.find((a) => a.id === source.article);
  const markRef = useRef<HTMLElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Scroll only the text box (not the page) so the sentence sits in its upper third.
    const box = boxRef.current;
    const mark = markRef.current;
    if (box && mark) box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
  }, [source]);
  if (!article) return <blockquote>{source.sentence}</blockquote>;
  const { text } = article;
  const valid = text.slice(source.start, source.end) === source.sentence;
  const start = valid ? source.start : text.indexOf(source.sentence);
  if (start < 0) return <blockquote>{source.sentence}</blockquote>;
  const end = start + source.sentence.length;
  // A window of context around the sentence keeps long articles quick to render.
  const from = Math.max(0, text.lastIndexOf('\n\n', Math.max(0, start - 1500)));
  const to = Math.min(text.length, end + 1500);
  return (
    <div className="article-text" data-testid="source-text" ref={boxRef}>
      <div className="article-title">{articleTitle(project, article.id)}</div>
      {from > 0 && <span className="muted">… </span>}
      {text.slice(from, start)}
      <mark ref={markRef}>{text.slice(start, end)}</mark>
      {text.slice(end, to)}
      {to < text.length && <span className="muted"> …</span>}
    </div>
  );
}
