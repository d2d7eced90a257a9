/** Recurring locations as chains of reports; plain TypeScript, no Nest or SQL. */

export interface ChainReport {
  id: string;
  code: string;
  lat: number;
  lng: number;
  category: string;
  categoryName: string;
  wardCode: string;
  createdAt: Date;
  /** When it was resolved or closed (null while it is not). */
  closedAt: Date | null;
}

/** An earlier report, resolved or closed, and a later one of the same category at the same place within the window. */
export interface Recurrence {
  earlier: ChainReport & { closedAt: Date };
  later: ChainReport;
}

export interface RecurringChain {
  lat: number;
  lng: number;
  category: string;
  categoryName: string;
  wardCode: string;
  occurrences: number;
  /** The latest resolution or closure among the chain's reports (every chain has at least one). */
  lastClosedAt: string;
  lastReportedAt: string;
  /** Tracking codes, oldest report first. */
  codes: string[];
}

/**
 * Joins recurrences that share a report into chains (connected components, union–find): a
 * place that was fixed, reported again, fixed again and reported again is one chain of three.
 * The chain sits at the mean of its reports (they are all within the radius of a neighbour),
 * in the ward of its latest report. Longest chains first, then the most recently reported.
 */
export function chainRecurrences(recurrences: readonly Recurrence[], limit: number): RecurringChain[] {
  const parent = new Map<string, string>();
  const reports = new Map<string, ChainReport>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let at = id; at !== root;) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  const add = (r: ChainReport) => {
    if (!parent.has(r.id)) {
      parent.set(r.id, r.id);
      reports.set(r.id, r);
    }
  };
  for (const { earlier, later } of recurrences) {
    add(earlier);
    add(later);
    const a = find(earlier.id);
    const b = find(later.id);
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }

  const members = new Map<string, ChainReport[]>();
  for (const r of reports.values()) {
    const root = find(r.id);
    const chain = members.get(root);
    if (chain) chain.push(r);
    else members.set(root, [r]);
  }

  const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
  return [...members.values()]
    .map((chain) => {
      chain.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.code.localeCompare(b.code));
      const latest = chain[chain.length - 1];
      const lastClosed = chain.reduce((m, r) => (r.closedAt && r.closedAt.getTime() > m ? r.closedAt.getTime() : m), -Infinity);
      return {
        lat: round6(chain.reduce((s, r) => s + r.lat, 0) / chain.length),
        lng: round6(chain.reduce((s, r) => s + r.lng, 0) / chain.length),
        category: latest.category,
        categoryName: latest.categoryName,
        wardCode: latest.wardCode,
        occurrences: chain.length,
        lastClosedAt: new Date(lastClosed).toISOString(),
        lastReportedAt: latest.createdAt.toISOString(),
        codes: chain.map((r) => r.code),
      };
    })
    .sort(
      (a, b) => b.occurrences - a.occurrences || b.lastReportedAt.localeCompare(a.lastReportedAt) || a.codes[0].localeCompare(b.codes[0]),
    )
    .slice(0, limit);
}
