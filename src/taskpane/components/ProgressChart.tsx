import { makeStyles, tokens } from '@fluentui/react-components';
import type { Strings } from '../i18n.js';
import type { TargetView } from '../view-model.js';

const useStyles = makeStyles({
  svg: { width: '100%', maxWidth: '520px', height: 'auto', display: 'block' },
  legend: { display: 'flex', gap: tokens.spacingHorizontalM, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  empty: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  swatch: { display: 'inline-block', width: '10px', height: '10px', marginRight: '4px', borderRadius: '2px' },
});

const W = 320;
const H = 150;
const PAD = { left: 44, right: 8, top: 10, bottom: 34 };
const TARGET_COLOUR = '#8a8886';
const ACTUAL_COLOUR = '#107c41';

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  const m = v / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

function tick(v: number): string {
  return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Bars of target and actual for each year (hand-written SVG: nothing to load, nothing to run). */
export function ProgressChart({ view, s }: { view: TargetView; s: Strings }) {
  const styles = useStyles();
  const values = view.years.flatMap((y) => [y.targetValue, y.actualValue]).filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length === 0) return <p className={styles.empty}>{s.noChartData}</p>;
  const hi = niceMax(Math.max(0, ...values));
  const lo = Math.min(0, ...values) < 0 ? -niceMax(-Math.min(...values)) : 0;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + ((hi - v) / (hi - lo)) * plotH;
  const slot = plotW / view.years.length;
  const bar = Math.max(3, Math.min(18, slot / 3));
  const title = s.chartTitle(s.targetName(view.display));
  const ticks = lo < 0 ? [lo, 0, hi] : [0, hi / 2, hi];
  return (
    <figure style={{ margin: 0 }}>
      <svg className={styles.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} data-chart={view.key}>
        <title>{title}</title>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#e1dfdd" strokeWidth={1} />
            <text x={PAD.left - 4} y={y(t) + 3} textAnchor="end" fontSize={9} fill="#605e5c">
              {tick(t)}
            </text>
          </g>
        ))}
        {view.years.map((yr, i) => {
          const cx = PAD.left + slot * i + slot / 2;
          const base = y(0);
          const rect = (v: number | null, dx: number, colour: string, what: string) =>
            v === null ? null : (
              <rect x={cx + dx} y={Math.min(y(v), base)} width={bar} height={Math.max(1, Math.abs(base - y(v)))} fill={colour} rx={1}>
                <title>{`${yr.header} ${what}: ${tick(v)}${view.unit}`}</title>
              </rect>
            );
          return (
            <g key={i}>
              {rect(yr.targetValue, -bar - 1, TARGET_COLOUR, s.target)}
              {rect(yr.actualValue, 1, ACTUAL_COLOUR, s.actual)}
              <text x={cx} y={H - PAD.bottom + 12} textAnchor="middle" fontSize={8.5} fill="#323130">
                {yr.header.length > 9 ? `${yr.header.slice(0, 8)}…` : yr.header}
              </text>
            </g>
          );
        })}
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} stroke="#8a8886" strokeWidth={1} />
      </svg>
      <figcaption className={styles.legend}>
        <span>
          <span className={styles.swatch} style={{ backgroundColor: TARGET_COLOUR }} />
          {s.target}
        </span>
        <span>
          <span className={styles.swatch} style={{ backgroundColor: ACTUAL_COLOUR }} />
          {s.actual}
        </span>
        {view.unit && <span>{s.unitLabel(view.unit)}</span>}
      </figcaption>
    </figure>
  );
}
