/** The feature table a learned chooser fills for its candidate sides: one feature map per party, each feature its largest value. */
export interface CandidateTable {
  readonly cands: Map<string, Map<string, number>>;
  /** The features of a party, made on first use. */
  readonly feats: (party: string) => Map<string, number>;
  /** Sets a feature, keeping the larger value where it is set twice. */
  readonly add: (f: Map<string, number>, name: string, v?: number) => void;
}

export function candidateTable(): CandidateTable {
  const cands = new Map<string, Map<string, number>>();
  const feats = (party: string): Map<string, number> => {
    let f = cands.get(party);
    if (!f) cands.set(party, (f = new Map()));
    return f;
  };
  const add = (f: Map<string, number>, name: string, v = 1): void => {
    f.set(name, Math.max(f.get(name) ?? 0, v));
  };
  return { cands, feats, add };
}
