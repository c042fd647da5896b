import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { shortTenantName } from '../comparison';

/** Distinct, print-friendly colours; the union's magenta first. */
export const SERIES_COLORS = ['#c41d7f', '#1677ff', '#389e0d', '#d46b08', '#531dab', '#08979c', '#cf1322', '#7c8a00', '#595959', '#ad4e00'];

export interface SeriesChartLine {
  key: string;
  name: string;
}

/** One line per province over the periods; a province without a value in a period leaves a gap. */
export default function SeriesChart({
  rows,
  lines,
  format,
  periodLabel,
  label,
}: {
  rows: Record<string, string | number | null>[];
  lines: SeriesChartLine[];
  format: (v: number) => string;
  periodLabel: (id: string) => string;
  label: string;
}) {
  return (
    <div role="img" aria-label={label} style={{ width: '100%', height: 300 }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="period" tickFormatter={(v: string) => periodLabel(v)} tick={{ fontSize: 11 }} interval="preserveStartEnd" padding={{ left: 40, right: 40 }} />
          <YAxis tickFormatter={(v: number) => format(v)} width={64} tick={{ fontSize: 11 }} />
          <Tooltip formatter={(v) => format(Number(v))} labelFormatter={(l) => periodLabel(String(l))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {lines.map((l, i) => (
            <Line
              key={l.key}
              type="monotone"
              dataKey={l.key}
              name={shortTenantName(l.name)}
              stroke={SERIES_COLORS[i % SERIES_COLORS.length]}
              strokeWidth={2}
              dot={{ r: 4 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
