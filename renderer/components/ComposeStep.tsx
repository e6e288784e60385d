import { useEffect, useState, type Dispatch, type KeyboardEvent } from 'react';
import { SECTION_IDS, SECTION_TITLES, type Briefing, type SectionId } from '../../src/model';
import type { TemplateSummary } from '../../src/services/api';
import type { DocAction } from '../state/project';

export interface ComposeStepProps {
  readonly briefing: Briefing;
  readonly templates: readonly TemplateSummary[];
  readonly dispatch: Dispatch<DocAction>;
}

type TextKey = 'title' | 'subtitle' | 'date' | 'author' | 'marking' | 'notes' | 'bottomLine';

/** A field that keeps its own text while typing and records one undo step when left. */
function Field(props: { label: string; name: TextKey; value: string; multiline?: boolean; type?: string; hint?: string; onCommit(v: string): void }) {
  const [v, setV] = useState(props.value);
  useEffect(() => setV(props.value), [props.value]);
  const commit = () => {
    if (v !== props.value) props.onCommit(v);
  };
  const id = `field-${props.name}`;
  return (
    <div className={`field${props.multiline ? ' wide' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.multiline ? (
        <textarea id={id} name={props.name} rows={6} value={v} onChange={(e) => setV(e.target.value)} onBlur={commit} />
      ) : (
        <input
          id={id}
          name={props.name}
          type={props.type ?? 'text'}
          value={v}
          onChange={(e) => setV(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
      )}
      {props.hint && <small className="hint">{props.hint}</small>}
    </div>
  );
}

export function ComposeStep({ briefing, templates, dispatch }: ComposeStepProps) {
  const [dragged, setDragged] = useState<SectionId | null>(null);
  const [overIndex, setOverIndex] = useState<number | null>(null);
  const chosen = briefing.sections;
  const others = SECTION_IDS.filter((s) => !chosen.includes(s));
  const set = (patch: Partial<Pick<Briefing, TextKey | 'templateId'>>) => dispatch({ type: 'setBriefing', patch });

  const onKey = (e: KeyboardEvent, s: SectionId, i: number) => {
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      dispatch({ type: 'moveSection', section: s, to: e.key === 'ArrowUp' ? i - 1 : i + 1 });
      // Keep focus on the moved row.
      const list = (e.currentTarget as HTMLElement).parentElement;
      requestAnimationFrame(() => (list?.querySelector(`[data-section-row="${s}"]`) as HTMLElement | null)?.focus());
    }
  };

  return (
    <section className="step-panel compose" aria-labelledby="compose-title">
      <div className="panel-head">
        <div>
          <h2 id="compose-title">Compose the briefing</h2>
          <p className="hint">Choose the sections and their order, the template, and the details printed on the title page.</p>
        </div>
      </div>
      <div className="compose-body">
        <div className="card">
          <h3>Sections</h3>
          <p className="hint small">Tick to include. Drag to reorder, or focus a row and press Alt+↑ / Alt+↓.</p>
          <ol className="sections" aria-label="Sections in the briefing">
            {chosen.map((s, i) => (
              <li
                key={s}
                tabIndex={0}
                draggable
                data-section-row={s}
                className={`section-row on${dragged === s ? ' dragging' : ''}${overIndex === i && dragged !== s ? ' drop-target' : ''}`}
                onKeyDown={(e) => onKey(e, s, i)}
                onDragStart={(e) => {
                  setDragged(s);
                  e.dataTransfer.effectAllowed = 'move';
                  e.dataTransfer.setData('text/plain', s);
                }}
                onDragOver={(e) => {
                  e.preventDefault();
                  setOverIndex(i);
                }}
                onDrop={(e) => {
                  e.preventDefault();
                  const from = (e.dataTransfer.getData('text/plain') || dragged) as SectionId | null;
                  if (from && chosen.includes(from)) dispatch({ type: 'moveSection', section: from, to: i });
                  setDragged(null);
                  setOverIndex(null);
                }}
                onDragEnd={() => {
                  setDragged(null);
                  setOverIndex(null);
                }}
              >
                <span className="grip" aria-hidden="true">
                  ⋮⋮
                </span>
                <label>
                  <input type="checkbox" checked onChange={() => dispatch({ type: 'toggleSection', section: s })} aria-label={`Include ${SECTION_TITLES[s]}`} />
                  <span className="order">{i + 1}.</span> {SECTION_TITLES[s]}
                </label>
                <span className="move">
                  <button type="button" className="icon" disabled={i === 0} onClick={() => dispatch({ type: 'moveSection', section: s, to: i - 1 })} aria-label={`Move ${SECTION_TITLES[s]} up`}>
                    ↑
                  </button>
                  <button type="button" className="icon" disabled={i === chosen.length - 1} onClick={() => dispatch({ type: 'moveSection', section: s, to: i + 1 })} aria-label={`Move ${SECTION_TITLES[s]} down`}>
                    ↓
                  </button>
                </span>
              </li>
            ))}
          </ol>
          {others.length > 0 && (
            <ul className="sections off" aria-label="Sections not included">
              {others.map((s) => (
                <li key={s} className="section-row" data-section-row={s}>
                  <span className="grip" aria-hidden="true" />
                  <label>
                    <input type="checkbox" checked={false} onChange={() => dispatch({ type: 'toggleSection', section: s })} aria-label={`Include ${SECTION_TITLES[s]}`} />
                    {SECTION_TITLES[s]}
                  </label>
                </li>
              ))}
            </ul>
          )}
        </div>

        <div className="card">
          <h3>Title page</h3>
          <div className="fields">
            <Field label="Title" name="title" value={briefing.title} onCommit={(v) => v.trim() && set({ title: v.trim() })} />
            <Field label="Subtitle" name="subtitle" value={briefing.subtitle ?? ''} onCommit={(v) => set({ subtitle: v.trim() || null } as Partial<Briefing>)} />
            <Field label="Date" name="date" type="date" value={briefing.date} onCommit={(v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && set({ date: v })} />
            <Field label="Author" name="author" value={briefing.author} onCommit={(v) => set({ author: v })} />
            <Field label="Handling marking" name="marking" value={briefing.marking} hint="Printed in the header and footer of every page." onCommit={(v) => set({ marking: v })} />
            <div className="field">
              <label htmlFor="field-template">Template</label>
              <select id="field-template" name="templateId" value={briefing.templateId} onChange={(e) => set({ templateId: e.target.value })}>
                {!templates.some((t) => t.id === briefing.templateId) && <option value={briefing.templateId}>{briefing.templateId}</option>}
                {templates.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
              <small className="hint">{templates.find((t) => t.id === briefing.templateId)?.description}</small>
            </div>
            <Field
              label="Bottom line (your own words)"
              name="bottomLine"
              multiline
              value={briefing.bottomLine ?? ''}
              hint="Printed instead of the draft Briefsmith writes from the reviewed facts; leave empty to keep the draft."
              onCommit={(v) => set({ bottomLine: v })}
            />
            <Field label="Analyst notes" name="notes" multiline value={briefing.notes} hint="Printed in the “Analyst notes” section; separate paragraphs with a blank line." onCommit={(v) => set({ notes: v })} />
          </div>
        </div>
      </div>
    </section>
  );
}
