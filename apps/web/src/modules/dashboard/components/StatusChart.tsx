import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { formatNumber } from '../../../lib/format';
import type { ProgressStatus } from '../api/dashboard.api';

/** A donut of the targets by status; a click on a slice picks that status. */
export default function StatusChart({
  slices,
  label,
  onPick,
  height = 240,
}: {
  slices: { status: ProgressStatus; name: string; value: number; color: string }[];
  label: string;
  onPick?: (status: ProgressStatus) => void;
  height?: number;
}) {
  return (
    <div role="img" aria-label={label} style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        <PieChart>
          <Pie
            data={slices}
            dataKey="value"
            nameKey="name"
            innerRadius="50%"
            outerRadius="80%"
            paddingAngle={1}
            isAnimationActive={false}
            onClick={(d: { payload?: { status?: ProgressStatus } }) => d.payload?.status && onPick?.(d.payload.status)}
            label={({ value }: { value?: number }) => formatNumber(value ?? 0)}
          >
            {slices.map((s) => (
              <Cell key={s.status} fill={s.color} cursor={onPick ? 'pointer' : undefined} />
            ))}
          </Pie>
          <Tooltip formatter={(v) => formatNumber(Number(v))} />
          <Legend verticalAlign="bottom" />
        </PieChart>
      </ResponsiveContainer>
    </div>
  );
}
