import { useState } from 'react';
import type { Delegation } from '../../src/model';
import { DATE, meetingLabel, type Meeting } from '../state/delegations';

export interface SplitDelegationProps {
  readonly delegation: Delegation;
  onSplit(members: readonly string[], meeting: Meeting): void;
  onCancel(): void;
}

/**
 * Splits a delegation that joins two meetings: the analyst ticks the members who were at the
 * other meeting and says where and when it was; they become a delegation of their own.
 */
export function SplitDelegation({ delegation, onSplit, onCancel }: SplitDelegationProps) {
  const [moved, setMoved] = useState<ReadonlySet<string>>(new Set());
  const [venue, setVenue] = useState(delegation.venue ?? '');
  const [date, setDate] = useState(delegation.date ?? '');
  const meeting: Meeting = { venue: venue.trim() || null, date: date.trim() || null };
  const badDate = meeting.date !== null && !DATE.test(meeting.date);
  const same = meeting.venue === delegation.venue && meeting.date === delegation.date;
  const problem =
    moved.size === 0
      ? 'Tick the members who were at the other meeting.'
      : moved.size === delegation.members.length
        ? 'Leave at least one member at this meeting.'
        : badDate
          ? 'Write the date as YYYY-MM-DD.'
          : same
            ? 'Give the other meeting its own place or date.'
            : null;
  return (
    <form
      className="split-delegation"
      aria-label="Split the delegation by meeting"
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem) onSplit([...moved], meeting);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <fieldset>
        <legend>Members at the other meeting</legend>
        {delegation.members.map((m, i) => (
          <label key={`${m.name}-${i}`} className="inline">
            <input
              type="checkbox"
              autoFocus={i === 0}
              checked={moved.has(m.name)}
              onChange={() =>
                setMoved((s) => {
                  const n = new Set(s);
                  if (n.has(m.name)) n.delete(m.name);
                  else n.add(m.name);
                  return n;
                })
              }
            />
            {m.name}
            {m.role ? <span className="muted"> · {m.role}</span> : null}
          </label>
        ))}
      </fieldset>
      <label>
        <span>Place of the other meeting</span>
        <input name="venue" value={venue} onChange={(e) => setVenue(e.target.value)} />
      </label>
      <label>
        <span>Date of the other meeting (YYYY-MM-DD)</span>
        <input name="date" value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={badDate} />
      </label>
      <p className="small" role="status" data-testid="split-status">
        {problem ?? `${moved.size} member${moved.size === 1 ? '' : 's'} will form the ${delegation.party} delegation at talks ${meetingLabel(meeting)}.`}
      </p>
      <div className="row-actions">
        <button type="submit" className="primary" aria-disabled={problem !== null}>
          Split off
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
