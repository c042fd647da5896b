import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { shortTenantName } from '../comparison';

export interface CompletenessChartRow {
  key: string;
  name: string;
  approved: number;
  /** Handed in, not yet approved. */
  waiting: number;
  /** Not handed in (draft or returned). */
  missing: number;
}

/** One stacked bar per province: approved, handed in and waiting, not handed in (report counts). */
export default function CompletenessChart({
  rows,
  labels,
  format,
  label,
}: {
  rows: CompletenessChartRow[];
  labels: { approved: string; waiting: string; missing: string };
  format: (v: number) => string;
  label: string;
}) {
  const height = Math.max(180, rows.length * 40 + 70);
  return (
    <div role="img" aria-label={label} style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={(v: number) => format(v)} allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={100} tickFormatter={(v: string) => shortTenantName(v)} />
          <Tooltip formatter={(v) => format(Number(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="approved" name={labels.approved} stackId="a" fill="#389e0d" isAnimationActive={false} />
          <Bar dataKey="waiting" name={labels.waiting} stackId="a" fill="#faad14" isAnimationActive={false} />
          <Bar dataKey="missing" name={labels.missing} stackId="a" fill="#d9d9d9" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
