// A small burn-up chart: cumulative progress at each snapshot, the target line, and the pace
// extended (dashed) to the deadline. Plain SVG: no chart library for one line and three marks.
import type { Pace } from '../../analytics/targets';
import { daysBetween } from '../../analytics/targets';
import { formatDate, formatNumber, type Lang } from '../../i18n/format';

interface Props {
  pace: Pace;
  goal: number;
  deadline: string;
  periodStart: string | null;
  lang: Lang;
  title: string;
  /** the date slider's date and the value there: a cursor on the chart */
  cursor?: { date: string; value: number | null; label: string } | null;
}

const W = 260;
const H = 110;
const PAD = { l: 34, r: 8, t: 8, b: 20 };

export function BurnUp({ pace, goal, deadline, periodStart, lang, title, cursor }: Props) {
  const first = pace.points[0]?.[0];
  const last = pace.points[pace.points.length - 1];
  if (!first || !last) return null;
  const start = periodStart ?? first;
  const span = Math.max(1, daysBetween(start, deadline));
  const top = Math.max(goal, pace.projected, ...pace.points.map((p) => p[1])) * 1.08 || 1;
  const x = (d: string) => PAD.l + ((W - PAD.l - PAD.r) * daysBetween(start, d)) / span;
  const y = (v: number) => H - PAD.b - ((H - PAD.t - PAD.b) * v) / top;
  const line = pace.points.map(([d, v], i) => `${i ? 'L' : 'M'}${x(d).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  return (
    <figure className="burnup">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}: ${pace.points.map(([d, v]) => `${formatDate(d, lang)} ${formatNumber(v, lang, 1)}`).join('; ')}`}>
        <line x1={PAD.l} x2={W - PAD.r} y1={y(goal)} y2={y(goal)} className="burnup-goal" />
        <text x={PAD.l - 4} y={y(goal) + 3} textAnchor="end" className="burnup-axis">
          {formatNumber(goal, lang)}
        </text>
        <line x1={PAD.l} x2={W - PAD.r} y1={y(0)} y2={y(0)} className="burnup-base" />
        <text x={PAD.l - 4} y={y(0) + 3} textAnchor="end" className="burnup-axis">
          0
        </text>
        <line x1={x(last[0])} y1={y(last[1])} x2={x(deadline)} y2={y(pace.projected)} className="burnup-projection" />
        <path d={line} className="burnup-line" />
        {pace.points.map(([d, v]) => (
          <circle key={d} cx={x(d)} cy={y(v)} r={2.8} className="burnup-point" />
        ))}
        {cursor && cursor.date >= start && cursor.date <= deadline ? (
          <g className="burnup-cursor" data-testid="burnup-cursor" data-date={cursor.date}>
            <title>{cursor.label}</title>
            <line x1={x(cursor.date)} x2={x(cursor.date)} y1={PAD.t} y2={H - PAD.b} />
            {cursor.value !== null ? <circle cx={x(cursor.date)} cy={y(cursor.value)} r={4} /> : null}
          </g>
        ) : null}
        <text x={PAD.l} y={H - 5} className="burnup-axis">
          {formatDate(start, lang)}
        </text>
        <text x={W - PAD.r} y={H - 5} textAnchor="end" className="burnup-axis">
          {formatDate(deadline, lang)}
        </text>
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
