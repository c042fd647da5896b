import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent } from '../../../lib/format';

/** Horizontal bars: how much of each measured target is reached (100% line marked). */
export default function AchievementChart({ bars, label }: { bars: { key: string; name: string; text: string; value: number; shown: number; color: string }[]; label: string }) {
  const height = Math.max(140, bars.length * 30 + 40);
  return (
    <div role="img" aria-label={label} style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bars} layout="vertical" margin={{ top: 8, right: 56, bottom: 8, left: 8 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 150]} ticks={[0, 50, 100, 150]} tickFormatter={(v: number) => formatPercent(v, 0)} />
          <YAxis type="category" dataKey="name" width={96} />
          <Tooltip formatter={(_v, _n, item) => formatPercent((item.payload as { value: number }).value)} labelFormatter={(_l, payload) => String((payload?.[0]?.payload as { text?: string } | undefined)?.text ?? '')} />
          <ReferenceLine x={100} stroke="#595959" strokeDasharray="4 2" />
          <Bar dataKey="shown" radius={[0, 4, 4, 0]} isAnimationActive={false}>
            {bars.map((b) => (
              <Cell key={b.key} fill={b.color} />
            ))}
            <LabelList dataKey="value" position="right" formatter={(v) => formatPercent(Number(v))} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
