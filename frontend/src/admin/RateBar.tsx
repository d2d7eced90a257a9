/** An on-time rate as a bar and its percentage (none: a dash, from `percent`). */
export function RateBar({ rate, percent }: { rate: number | null; percent(rate: number | null): string }) {
  return (
    <span className="admin-rate">
      <span className="admin-rate__bar" aria-hidden="true">
        <span style={{ width: `${Math.round((rate ?? 0) * 100)}%` }} />
      </span>
      {percent(rate)}
    </span>
  );
}
