import { useEffect, useMemo, useRef, useState, type Dispatch, type KeyboardEvent } from 'react';
import { ITEM_SECTIONS, type Delegation, type DelegationMember, type ItemSection, type Person, type Project, type SourceRef } from '../../src/model';
import type { DocAction } from '../state/project';
import type { ReviewTarget } from '../state/app';
import { meetingLabel } from '../state/delegations';
import { MembersEditor } from './MembersEditor';
import { SplitDelegation } from './SplitDelegation';
import {
  articleLabel,
  blankItem,
  COLUMNS,
  EDITABLE_FIELDS,
  fieldsFromForm,
  filterRows,
  formFromItem,
  nextAddedNumber,
  partyOf,
  POSITION_KIND_OPTIONS,
  reviewRows,
  rowsAtOrAbove,
  SECTION_LABELS,
  sectionCounts,
  type ReviewFilter,
  type ReviewRow,
} from '../state/review';


export interface ReviewStepProps {
  readonly project: Project;
  readonly dispatch: Dispatch<DocAction>;
  /** An item to open (from the pre-export check); consumed once. */
  readonly target?: ReviewTarget | null;
}

const ONE_ITEM: Readonly<Record<ItemSection, string>> = { people: 'person', delegations: 'delegation', positions: 'position', outlook: 'outlook item', attacks: 'attack' };
const pct = (c: number): string => `${Math.round(c * 100)}%`;
const confidenceClass = (c: number): string => (c < 0.5 ? 'low' : c < 0.8 ? 'mid' : 'high');
const STATUS_LABEL = { pending: 'To review', accepted: 'Accepted', rejected: 'Rejected', edited: 'Edited' } as const;
const FILTERS: ReadonlyArray<{ id: ReviewFilter; label: string }> = [
  { id: 'all', label: 'All items' },
  { id: 'pending', label: 'To review' },
  { id: 'conflicts', label: 'Sources disagree' },
  { id: 'low', label: 'Low confidence' },
];
type SortKey = 'doubt' | 'name' | 'status';
const STATUS_ORDER = { pending: 0, edited: 1, accepted: 2, rejected: 3 } as const;
/**
 * Rows of the table drawn at first, and added each time its end comes into view (or the
 * keyboard moves past it): a 500-article project has thousands of items in a section, and
 * drawing them all is what kept its window from answering for seconds.
 */
const ROW_PAGE = 100;
/** Rows drawn beyond the selected one, so J and ↓ always land on a drawn row. */
const ROW_MARGIN = 20;

const short = (s: string): string => (s.length > 60 ? `${s.slice(0, 59)}…` : s);
const hasModifier = (e: { ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean => e.ctrlKey || e.metaKey || e.altKey;

interface Editing {
  readonly form: Record<string, string>;
  /** Delegations: the members as edited (null for other sections). */
  readonly members: DelegationMember[] | null;
}

export function ReviewStep({ project, dispatch, target }: ReviewStepProps) {
  const [section, setSection] = useState<ItemSection>(() => target?.section ?? ITEM_SECTIONS.find((s) => project.findings[s].length > 0) ?? 'people');
  const [selectedId, setSelectedId] = useState<string | null>(target?.id ?? null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [mergeSel, setMergeSel] = useState<ReadonlySet<string>>(new Set());
  const [mergeMain, setMergeMain] = useState<string | null>(null);
  const [sourceIndex, setSourceIndex] = useState(0);
  const [filter, setFilter] = useState<ReviewFilter>('all');
  const [search, setSearch] = useState('');
  const [article, setArticle] = useState<string>('');
  const [party, setParty] = useState<string>('');
  const [sort, setSort] = useState<SortKey>('doubt');
  const [bulkMin, setBulkMin] = useState(90);
  const tableRef = useRef<HTMLTableSectionElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const sourceRef = useRef<HTMLDivElement>(null);
  /** Set when the next render should put keyboard focus on the selected row. */
  const focusPending = useRef(false);

  const sectionRows = useMemo(() => reviewRows(project.findings, project.overlay, section), [project.findings, project.overlay, section]);
  const rows = useMemo(() => {
    const list = filterRows(sectionRows, { filter, search, article: article || null, party: party || null });
    if (sort === 'name') return [...list].sort((a, b) => (a.cells[0] ?? '').localeCompare(b.cells[0] ?? ''));
    if (sort === 'status') return [...list].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
    return list;
  }, [sectionRows, filter, search, article, party, sort]);
  const parties = useMemo(() => [...new Set(sectionRows.map(partyOf).filter((x): x is string => !!x))].sort(), [sectionRows]);
  const selected = rows.find((r) => r.id === selectedId) ?? sectionRows.find((r) => r.id === selectedId) ?? null;
  const activeId = rows.some((r) => r.id === selectedId) ? selectedId : (rows[0]?.id ?? null);
  const [shown, setShown] = useState(ROW_PAGE);
  useEffect(() => setShown(ROW_PAGE), [section, filter, search, article, party, sort]);
  const activeIndex = activeId ? rows.findIndex((r) => r.id === activeId) : -1;
  const limit = Math.min(rows.length, Math.max(shown, activeIndex + 1 + ROW_MARGIN));
  const drawn = limit < rows.length ? rows.slice(0, limit) : rows;
  const moreRef = useRef<HTMLButtonElement>(null);
  // Scrolled to the end of the drawn rows: draw the next page.
  useEffect(() => {
    const el = moreRef.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setShown(limit + ROW_PAGE);
    });
    seen.observe(el);
    return () => seen.disconnect();
  }, [limit]);

  // The pre-export check opened an item: show its section with every item, select and focus it.
  useEffect(() => {
    if (!target) return;
    setSection(target.section);
    setFilter('all');
    setSearch('');
    setArticle('');
    setParty('');
    setSelectedId(target.id);
    focusPending.current = true;
  }, [target]);

  useEffect(() => {
    setEditing(null);
    setSourceIndex(0);
  }, [selectedId]);
  useEffect(() => {
    setMergeSel(new Set());
    setMergeMain(null);
  }, [section]);

  useEffect(() => {
    if (!focusPending.current || !activeId) return;
    focusPending.current = false;
    const tr = tableRef.current?.querySelector<HTMLElement>(`tr[data-item="${CSS.escape(activeId)}"]`);
    tr?.focus();
    tr?.scrollIntoView({ block: 'nearest' });
  });

  // Ctrl+F (Cmd+F) finds within the review.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const focusRow = (id: string | null) => {
    if (!id) return;
    setSelectedId(id);
    focusPending.current = true;
    // Same id: no re-render would run the effect; focus now.
    const tr = tableRef.current?.querySelector<HTMLElement>(`tr[data-item="${CSS.escape(id)}"]`);
    if (tr && id === selectedId) {
      focusPending.current = false;
      tr.focus();
    }
  };

  const nameOf = (r: ReviewRow): string => short(r.cells[r.section === 'positions' ? 2 : 0] ?? r.id);

  /** Decide and move on to the next item (the queue). */
  const decideAndAdvance = (r: ReviewRow, status: 'accepted' | 'rejected') => {
    const i = rows.findIndex((x) => x.id === r.id);
    const next = rows[i + 1]?.id ?? rows[i - 1]?.id ?? r.id;
    dispatch({ type: 'decide', id: r.id, decision: { status }, label: `${status === 'accepted' ? 'Accepted' : 'Rejected'} '${nameOf(r)}'` });
    // With "To review" shown, the decided row leaves the list: the next one takes its place.
    focusRow(filter === 'pending' ? (rows[i + 1]?.id ?? rows[i - 1]?.id ?? null) : next);
  };

  const startEdit = (r: ReviewRow) => {
    setSelectedId(r.id);
    // The form opens after the selection's reset, in the next tick.
    setTimeout(() => setEditing({ form: formFromItem(r.section, r.item), members: r.section === 'delegations' ? [...(r.item as Delegation).members] : null }), 0);
  };

  const onTableKey = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const tr = (e.target as HTMLElement).closest('tr[data-item]');
    if (!tr || (e.target as HTMLElement).tagName === 'INPUT') return;
    // Ctrl+A, Ctrl+R and the like never decide. Ctrl+A would select the whole page's text: not in a table.
    if (hasModifier(e)) {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') e.preventDefault();
      return;
    }
    const i = rows.findIndex((r) => r.id === tr.getAttribute('data-item'));
    const row = rows[i];
    if (!row) return;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const move = (j: number) => {
      const next = rows[Math.max(0, Math.min(rows.length - 1, j))];
      if (next) focusRow(next.id);
    };
    let handled = true;
    if (key === 'ArrowDown' || key === 'j') move(i + 1);
    else if (key === 'ArrowUp' || key === 'k') move(i - 1);
    else if (key === 'Home') move(0);
    else if (key === 'End') move(rows.length - 1);
    else if (key === 'Enter') setSelectedId(row.id);
    else if (key === ' ') {
      // Space shows the source: select the row and bring its sentence into view.
      setSelectedId(row.id);
      setTimeout(() => sourceRef.current?.scrollIntoView({ block: 'nearest' }), 0);
    } else if (key === 'a') decideAndAdvance(row, 'accepted');
    else if (key === 'r') decideAndAdvance(row, 'rejected');
    else if (key === 'e') startEdit(row);
    else if (key === 'x' && section === 'people') toggleMerge(row.id);
    else handled = false;
    if (handled) e.preventDefault();
  };

  const toggleMerge = (id: string) =>
    setMergeSel((m) => {
      const n = new Set(m);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  const addItem = () => {
    const item = blankItem(section, nextAddedNumber(project.overlay));
    dispatch({ type: 'addItem', section, item, label: `Added a ${ONE_ITEM[section]}` });
    setFilter('all');
    setSelectedId(item.id);
    setTimeout(() => setEditing({ form: formFromItem(section, item), members: section === 'delegations' ? [] : null }), 0);
  };

  const bulk = rowsAtOrAbove(rows, bulkMin / 100);

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, s: ItemSection) => {
    const i = ITEM_SECTIONS.indexOf(s);
    const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? ITEM_SECTIONS.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = ITEM_SECTIONS[(to + ITEM_SECTIONS.length) % ITEM_SECTIONS.length]!;
    setSection(next);
    setSelectedId(null);
    document.getElementById(`tab-${next}`)?.focus();
  };

  const mergeRows = sectionRows.filter((r) => mergeSel.has(r.id));

  return (
    <section className="step-panel review" aria-labelledby="review-title">
      <div className="panel-head">
        <div>
          <h2 id="review-title">Review findings</h2>
          <p className="hint">
            Doubtful items come first. Keys in the table: <kbd>J</kbd> <kbd>K</kbd> or <kbd>↓</kbd> <kbd>↑</kbd> move, <kbd>A</kbd> accept, <kbd>R</kbd> reject (both go to the next item), <kbd>E</kbd> edit, <kbd>Space</kbd> source
            {section === 'people' ? ', X mark for merging' : ''}; <kbd>Ctrl</kbd>+<kbd>F</kbd> search.
          </p>
        </div>
      </div>
      <div className="tabs" role="tablist" aria-label="Sections">
        {ITEM_SECTIONS.map((s) => {
          const c = sectionCounts(project.findings, project.overlay, s);
          return (
            <button
              key={s}
              id={`tab-${s}`}
              type="button"
              role="tab"
              aria-selected={s === section}
              aria-controls="review-panel"
              tabIndex={s === section ? 0 : -1}
              className={`tab${s === section ? ' current' : ''}`}
              onClick={() => {
                setSection(s);
                setSelectedId(null);
              }}
              onKeyDown={(e) => onTabKey(e, s)}
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

      <div className="review-body" id="review-panel" role="tabpanel" aria-labelledby={`tab-${section}`}>
        <div className="review-list">
          <div className="review-filters" role="search" aria-label={`Find ${SECTION_LABELS[section].toLowerCase()}`}>
            <input ref={searchRef} type="search" aria-label="Search" placeholder="Search (Ctrl+F)" value={search} onChange={(e) => setSearch(e.target.value)} data-testid="review-search" />
            <select aria-label="Show" value={filter} onChange={(e) => setFilter(e.target.value as ReviewFilter)} data-testid="review-filter">
              {FILTERS.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.label}
                </option>
              ))}
            </select>
            <select aria-label="Article" value={article} onChange={(e) => setArticle(e.target.value)}>
              <option value="">All articles</option>
              {project.articles.map((a) => (
                <option key={a.id} value={a.id}>
                  {short(articleLabel(a))}
                </option>
              ))}
            </select>
            {parties.length > 0 && (
              <select aria-label="Party" value={party} onChange={(e) => setParty(e.target.value)}>
                <option value="">All parties</option>
                {parties.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            )}
          </div>
          <div className="list-actions">
            <button type="button" onClick={addItem}>
              + Add {ONE_ITEM[section]}
            </button>
            <span className="bulk">
              <label>
                <span className="sr-only">Confidence at or above, in percent</span>
                <input type="number" min={0} max={100} step={5} value={bulkMin} onChange={(e) => setBulkMin(Math.max(0, Math.min(100, Number(e.target.value) || 0)))} aria-label="Confidence at or above (%)" />
              </label>
              <button
                type="button"
                disabled={bulk.length === 0}
                onClick={() => dispatch({ type: 'decideMany', ids: bulk.map((r) => r.id), decision: { status: 'accepted' }, label: `Accepted ${bulk.length} ${SECTION_LABELS[section].toLowerCase()} at or above ${bulkMin} %` })}
                data-testid="bulk-accept"
              >
                Accept {bulk.length} at or above {bulkMin} %
              </button>
            </span>
            {section === 'people' && (
              <button type="button" disabled={mergeSel.size < 2} onClick={() => setMergeMain(mergeRows[0]?.id ?? null)}>
                Merge {mergeSel.size >= 2 ? mergeSel.size : ''} selected…
              </button>
            )}
          </div>
          {mergeMain !== null && mergeRows.length >= 2 && (
            <form
              className="merge-chooser"
              aria-label="Merge people"
              onSubmit={(e) => {
                e.preventDefault();
                const main = mergeRows.find((r) => r.id === mergeMain) ?? mergeRows[0]!;
                dispatch({ type: 'mergePeople', ids: mergeRows.map((r) => r.id), main: main.id, label: `Merged ${mergeRows.length} people as '${main.cells[0]}'` });
                setMergeSel(new Set());
                setMergeMain(null);
                focusRow(main.id);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setMergeMain(null);
              }}
            >
              <fieldset>
                <legend>Keep which name?</legend>
                {mergeRows.map((r, i) => (
                  <label key={r.id}>
                    <input type="radio" name="merge-main" value={r.id} checked={mergeMain === r.id} onChange={() => setMergeMain(r.id)} autoFocus={i === 0} />
                    {r.cells[0]} <span className="muted">{r.cells[1] !== '—' ? `· ${r.cells[1]}` : ''}</span>
                  </label>
                ))}
              </fieldset>
              <div className="row-actions">
                <button type="submit" className="primary">
                  Merge
                </button>
                <button type="button" onClick={() => setMergeMain(null)}>
                  Cancel
                </button>
              </div>
            </form>
          )}
          <p className="sr-only" aria-live="polite">
            {rows.length} of {sectionRows.length} {SECTION_LABELS[section].toLowerCase()} shown
          </p>
          {rows.length === 0 ? (
            <p className="empty">{sectionRows.length === 0 ? 'Nothing found in this section. Add an item by hand if the articles mention one.' : 'No item matches the search and filters.'}</p>
          ) : (
            <div className="table-scroll">
              <table className="grid selectable" aria-label={`${SECTION_LABELS[section]} found`}>
                <thead>
                  <tr>
                    {section === 'people' && (
                      <th scope="col">
                        <span className="sr-only">Marked to merge</span>
                      </th>
                    )}
                    <th scope="col" aria-sort={sort === 'doubt' ? 'ascending' : undefined}>
                      <button type="button" className="sort" onClick={() => setSort('doubt')}>
                        Conf.
                      </button>
                    </th>
                    {COLUMNS[section].map((c, j) => (
                      <th key={c} scope="col" aria-sort={j === 0 && sort === 'name' ? 'ascending' : undefined}>
                        {j === 0 ? (
                          <button type="button" className="sort" onClick={() => setSort('name')}>
                            {c}
                          </button>
                        ) : (
                          c
                        )}
                      </th>
                    ))}
                    <th scope="col" aria-sort={sort === 'status' ? 'ascending' : undefined}>
                      <button type="button" className="sort" onClick={() => setSort('status')}>
                        Status
                      </button>
                    </th>
                  </tr>
                </thead>
                <tbody ref={tableRef} onKeyDown={onTableKey}>
                  {drawn.map((r) => (
                    <tr
                      key={r.id}
                      tabIndex={r.id === activeId ? 0 : -1}
                      aria-selected={r.id === selectedId}
                      className={`${r.id === selectedId ? 'selected ' : ''}status-${r.status}`}
                      onClick={() => setSelectedId(r.id)}
                      data-item={r.id}
                    >
                      {section === 'people' && (
                        <td onClick={(e) => e.stopPropagation()}>
                          <input type="checkbox" tabIndex={-1} aria-label={`Mark ${r.cells[0]} to merge`} checked={mergeSel.has(r.id)} onChange={() => toggleMerge(r.id)} />
                        </td>
                      )}
                      <td>
                        <span className={`conf ${confidenceClass(r.confidence)}`} title={r.conflicts.length ? `Sources disagree (extractor: ${pct(r.extractedConfidence)})` : undefined}>
                          {pct(r.confidence)}
                        </span>
                      </td>
                      {r.cells.map((c, j) => (
                        <td key={j} className={j === 0 || COLUMNS[section][j] === 'Position' || COLUMNS[section][j] === 'Outlook' ? 'main-cell' : ''}>
                          {c}
                          {j === 0 && r.conflicts.length > 0 && (
                            <span className="flag" title="Sources disagree">
                              conflict
                            </span>
                          )}
                          {j === 0 && r.mergedWith.length > 0 && (
                            <span className="flag merged" title={`Merged by you: ${r.mergedWith.length} people`}>
                              merged {r.mergedWith.length}
                            </span>
                          )}
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
              {limit < rows.length && (
                <p className="more-rows">
                  <button type="button" ref={moreRef} onClick={() => setShown(limit + ROW_PAGE)}>
                    Show more ({rows.length - limit} not shown yet)
                  </button>
                </p>
              )}
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
              sourceRef={sourceRef}
              onStartEdit={() => startEdit(selected)}
              onDone={() => focusRow(selected.id)}
              name={nameOf(selected)}
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
  readonly editing: Editing | null;
  setEditing(f: Editing | null): void;
  readonly sourceIndex: number;
  setSourceIndex(i: number): void;
  readonly dispatch: Dispatch<DocAction>;
  readonly sourceRef: React.RefObject<HTMLDivElement | null>;
  onStartEdit(): void;
  /** Editing ended (saved or cancelled): focus goes back to the item's row. */
  onDone(): void;
  readonly name: string;
}

/** The value a conflict's "Use this value" writes, as the item's own field(s). */
function fieldsForConflictValue(row: ReviewRow, field: string, value: string): Record<string, unknown> {
  const item = row.item as unknown as Record<string, unknown>;
  if (field === 'leaders' && row.section === 'delegations') {
    const leaders = value
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x && x !== '(no leader named)');
    const d = row.item as Delegation;
    const members = d.members.map((m) => ({ ...m, leads: leaders.includes(m.name) }));
    for (const l of leaders) if (!members.some((m) => m.name === l)) members.unshift({ personId: null, name: l, role: null, leads: true, sources: [] });
    return { members };
  }
  const current = item[field];
  if (typeof current === 'number') {
    const n = Number(value.replace(/[^\d.]/g, ''));
    return Number.isFinite(n) ? { [field]: Math.round(n) } : {};
  }
  return { [field]: value };
}

/** Whether the item already prints this value of a disputed field. */
function inUse(row: ReviewRow, field: string, value: string): boolean {
  if (field === 'leaders' && row.section === 'delegations') {
    const leaders = (row.item as Delegation).members.filter((m) => m.leads).map((m) => m.name).join(', ') || '(no leader named)';
    return leaders === value;
  }
  const v = (row.item as unknown as Record<string, unknown>)[field];
  return v !== null && v !== undefined && String(v) === value;
}

function ItemDetail({ row, project, editing, setEditing, sourceIndex, setSourceIndex, dispatch, sourceRef, onStartEdit, onDone, name }: ItemDetailProps) {
  const source = row.sources[Math.min(sourceIndex, row.sources.length - 1)];
  const decide = (status: 'accepted' | 'rejected') =>
    dispatch({ type: 'decide', id: row.id, decision: row.status === status ? null : { status }, label: row.status === status ? `Reset '${name}'` : `${status === 'accepted' ? 'Accepted' : 'Rejected'} '${name}'` });
  const people = project.findings.people as readonly Person[];
  const [splitting, setSplitting] = useState(false);
  const cancel = () => {
    setEditing(null);
    onDone();
  };
  const members = editing?.members ?? null;
  const setMembers = (m: DelegationMember[]) => editing && setEditing({ ...editing, members: m });

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
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              cancel();
            }
          }}
          onSubmit={(e) => {
            e.preventDefault();
            const fields = fieldsFromForm(row.section, row.item, editing.form);
            if (members && JSON.stringify(members) !== JSON.stringify((row.item as Delegation).members)) fields.members = members.filter((m) => m.name.trim());
            if (Object.keys(fields).length) dispatch({ type: 'edit', id: row.id, fields, label: `Edited '${name}'` });
            setEditing(null);
            onDone();
          }}
        >
          {EDITABLE_FIELDS[row.section].map((f, i) => (
            <label key={f.key}>
              <span>{f.label}</span>
              {f.kind === 'longtext' ? (
                <textarea rows={3} name={f.key} autoFocus={i === 0} value={editing.form[f.key] ?? ''} onChange={(e) => setEditing({ ...editing, form: { ...editing.form, [f.key]: e.target.value } })} />
              ) : f.kind === 'kind' ? (
                <select name={f.key} value={editing.form[f.key] ?? ''} onChange={(e) => setEditing({ ...editing, form: { ...editing.form, [f.key]: e.target.value } })}>
                  {POSITION_KIND_OPTIONS.map((k) => (
                    <option key={k} value={k}>
                      {k}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  name={f.key}
                  autoFocus={i === 0}
                  inputMode={f.kind === 'int' ? 'numeric' : undefined}
                  value={editing.form[f.key] ?? ''}
                  onChange={(e) => setEditing({ ...editing, form: { ...editing.form, [f.key]: e.target.value } })}
                />
              )}
            </label>
          ))}
          {members && <MembersEditor members={members} people={people} onChange={setMembers} />}
          <div className="row-actions">
            <button type="submit" className="primary">
              Save edit
            </button>
            <button type="button" onClick={cancel}>
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
          <button type="button" onClick={onStartEdit}>
            ✎ Edit
          </button>
          {row.status !== 'pending' && !row.added && (
            <button type="button" className="link" onClick={() => dispatch({ type: 'decide', id: row.id, decision: null, label: `Reset '${name}'` })}>
              Reset
            </button>
          )}
          {row.added && (
            <button type="button" className="link danger" onClick={() => dispatch({ type: 'removeAdded', id: row.id, label: `Deleted '${name}'` })}>
              Delete
            </button>
          )}
          {row.section === 'delegations' && (row.item as Delegation).members.length >= 2 && (
            <button type="button" onClick={() => setSplitting(true)} aria-expanded={splitting}>
              Split by meeting…
            </button>
          )}
          {row.section === 'people' && (row.mergedWith.length > 0 || (row.item as { variants?: string[] }).variants?.length) ? (
            <button type="button" className="link" onClick={() => dispatch({ type: 'splitPerson', id: row.id, label: `Split '${name}'` })} title="Undo the merge of this person">
              Split
            </button>
          ) : null}
        </div>
      )}

      {splitting && !editing && row.section === 'delegations' && (
        <SplitDelegation
          delegation={row.item as Delegation}
          onCancel={() => {
            setSplitting(false);
            onDone();
          }}
          onSplit={(moved, meeting) => {
            const newId = `added-delegations-${nextAddedNumber(project.overlay)}`;
            dispatch({ type: 'splitDelegation', id: row.id, members: moved, meeting, newId, label: `Split ${moved.length} from '${name}' to talks ${meetingLabel(meeting)}` });
            setSplitting(false);
            onDone();
          }}
        />
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
                    {inUse(row, c.field, v.value) ? (
                      <span className="status accepted in-use">In use</span>
                    ) : (
                    <button
                      type="button"
                      className="use-value"
                      onClick={() => {
                        const fields = fieldsForConflictValue(row, c.field, v.value);
                        dispatch({ type: 'edit', id: row.id, fields: { ...fields, ...(c.field in fields ? {} : { [c.field]: v.value }) }, label: `Used '${short(v.value)}' for ${c.field} of '${name}'` });
                      }}
                      data-testid="use-value"
                    >
                      Use this value
                    </button>
                    )}
                  </div>
                ))}
              </div>
            </div>
          ))}
        </div>
      )}

      <div className="source" ref={sourceRef}>
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
    <div className="article-text" data-testid="source-text" ref={boxRef} tabIndex={0} aria-label="Source article">
      <div className="article-title">{articleTitle(project, article.id)}</div>
      {from > 0 && <span className="muted">… </span>}
      {text.slice(from, start)}
      <mark ref={markRef}>{text.slice(start, end)}</mark>
      {text.slice(end, to)}
      {to < text.length && <span className="muted"> …</span>}
    </div>
  );
}
