import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartRow } from '../comparison';
import { shortTenantName } from '../comparison';

/**
 * Horizontal bars, one per province, with the value printed at the end of each bar (Vietnamese format). A rate is
 * drawn on its whole scale, 0–100 %: on a scale that ends at the largest value, 79 % and 80 % look like two full bars.
 */
export default function ComparisonChart({ rows, format, label, percent = false }: { rows: ChartRow[]; format: (v: number) => string; label: string; percent?: boolean }) {
  const height = Math.max(160, rows.length * 36 + 40);
  return (
    <div role="img" aria-label={label} style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 64, bottom: 8, left: 8 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={(v: number) => format(v)} domain={percent ? [0, (max: number) => Math.max(100, max)] : [0, 'auto']} />
          <YAxis type="category" dataKey="name" width={110} tickFormatter={(v: string) => shortTenantName(v)} />
          <Tooltip formatter={(v) => format(Number(v))} labelFormatter={(l) => String(l)} />
          <Bar dataKey="value" fill="#c41d7f" radius={[0, 4, 4, 0]} isAnimationActive={false}>
            <LabelList dataKey="value" position="right" formatter={(v) => format(Number(v))} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
