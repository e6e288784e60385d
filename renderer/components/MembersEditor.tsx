import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { DelegationMember, Person } from '../../src/model';
import { addMember, peopleOutside, removeMember, setMemberRole, toggleLeader } from '../state/delegations';

export interface MembersEditorProps {
  readonly members: readonly DelegationMember[];
  /** The people of the findings, offered to add (typed, picked, or dragged in). */
  readonly people: readonly Person[];
  onChange(members: DelegationMember[]): void;
}

/** What a dragged person chip carries. */
const PERSON_DRAG = 'application/x-briefsmith-person';
/** People offered as chips to add; the name field finds the others. */
const POOL_SIZE = 12;

/**
 * A delegation's members as chips: each says who it is, takes a role, is marked leader or
 * not, and is removed with its × button. A person is added by name (with suggestions), by a
 * chip of the people found, or by dragging that chip onto the team. Every action works from
 * the keyboard; focus stays in the team after a removal.
 */
export function MembersEditor({ members, people, onChange }: MembersEditorProps) {
  const [name, setName] = useState('');
  const [dropping, setDropping] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  /** After a removal: the index whose chip gets the focus (or the name field when none is left). */
  const focusAfter = useRef<number | null>(null);

  useEffect(() => {
    const i = focusAfter.current;
    if (i === null) return;
    focusAfter.current = null;
    const chips = listRef.current?.querySelectorAll<HTMLButtonElement>('.chip-remove') ?? [];
    (chips[Math.min(i, chips.length - 1)] ?? inputRef.current)?.focus();
  });

  const add = (typed: string) => {
    const next = addMember(members, people, typed);
    if (next !== members) onChange([...next]);
    setName('');
  };
  const outside = peopleOutside(members, people);

  const onDrop = (e: DragEvent) => {
    const dropped = e.dataTransfer.getData(PERSON_DRAG);
    setDropping(false);
    if (!dropped) return;
    e.preventDefault();
    add(dropped);
  };

  return (
    <fieldset
      className={`members${dropping ? ' dropping' : ''}`}
      data-testid="members-editor"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(PERSON_DRAG)) return;
        e.preventDefault();
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
    >
      <legend>Members</legend>
      {members.length === 0 && <p className="muted small">No members yet: add a person below or drag one in.</p>}
      <ul className="chips" ref={listRef} aria-label="Members of the delegation">
        {members.map((m, i) => (
          <li key={`${m.personId ?? m.name}-${i}`} className={`member chip${m.leads ? ' leads' : ''}`}>
            <span className="chip-name">{m.name}</span>
            <input className="chip-role" aria-label={`Role of ${m.name}`} placeholder="role" value={m.role ?? ''} onChange={(e) => onChange(setMemberRole(members, i, e.target.value))} />
            <button type="button" className="chip-lead" aria-pressed={m.leads} aria-label={`Leader: ${m.name}`} title={m.leads ? 'Leads the delegation (press to unmark)' : 'Mark as leader'} onClick={() => onChange(toggleLeader(members, i))}>
              <span aria-hidden="true">{m.leads ? '★' : '☆'}</span> Leader
            </button>
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove ${m.name}`}
              onClick={() => {
                focusAfter.current = i;
                onChange(removeMember(members, i));
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="add-member">
        <input
          ref={inputRef}
          aria-label="Add a member by name"
          placeholder="Add a person: name"
          list="people-names"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add(name);
            }
          }}
        />
        <button type="button" disabled={!name.trim()} onClick={() => add(name)}>
          Add member
        </button>
        <datalist id="people-names">
          {people.map((p) => (
            <option key={p.id} value={p.name} />
          ))}
        </datalist>
      </div>
      {outside.length > 0 && (
        <div className="people-pool">
          <span className="muted small" id="people-pool-label">
            People found (press to add, or drag onto the team):
          </span>
          <ul className="chips" aria-labelledby="people-pool-label">
            {outside.slice(0, POOL_SIZE).map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className="chip person-chip"
                  draggable
                  onDragStart={(e) => {
                    e.dataTransfer.setData(PERSON_DRAG, p.name);
                    e.dataTransfer.effectAllowed = 'copy';
                  }}
                  onClick={() => add(p.name)}
                >
                  <span aria-hidden="true">+ </span>
                  <span className="sr-only">Add </span>
                  {p.name}
                  {p.party ? <span className="muted"> · {p.party}</span> : null}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}
