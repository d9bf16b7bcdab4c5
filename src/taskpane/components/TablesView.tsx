import { Select, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { TargetMode } from '../../engine/index.js';
import type { Strings } from '../i18n.js';
import type { TargetView, TargetYear } from '../view-model.js';
import { ProgressChart } from './ProgressChart.js';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  label: { overflowWrap: 'anywhere' },
  where: { color: tokens.colorNeutralForeground3 },
  mode: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  modeSelect: { minWidth: '200px' },
  scroll: { overflowX: 'auto' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    maxWidth: '640px',
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: 'tabular-nums',
    '& th, & td': { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
    '& th': { textAlign: 'right', verticalAlign: 'bottom', fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
    '& th:first-child': { textAlign: 'left' },
    // Numbers with their units stay on one line; a narrow pane scrolls the table sideways instead.
    '& td': { textAlign: 'right', whiteSpace: 'nowrap' },
    '& td:first-child': { textAlign: 'left' },
  },
  bad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, display: 'block' },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

function statusNote(y: TargetYear, s: Strings): string | null {
  if (y.status === 'mismatch') return s.mismatch;
  if (y.status === 'missing') return s.missingProgress;
  if (y.status === 'within-precision') return s.withinPrecision;
  if (y.status === 'zero-target') return s.zeroTarget;
  return null;
}

function TargetCard({ view, s, onMode }: { view: TargetView; s: Strings; onMode: (key: string, mode: TargetMode) => void }) {
  const styles = useStyles();
  const selectId = useId();
  return (
    <section className={styles.card} data-target={view.key} aria-label={view.label}>
      <div>
        <Text weight="semibold" className={styles.label} as="h3">
          {view.label}
        </Text>
        <Text size={200} className={styles.where} block>
          {view.sheet}!{view.range}
        </Text>
      </div>
      <div className={styles.mode}>
        <label htmlFor={selectId}>
          <Text size={200}>{s.mode}</Text>
        </label>
        <Select
          id={selectId}
          size="small"
          className={styles.modeSelect}
          value={view.mode}
          data-action="mode"
          data-target-key={view.key}
          onChange={(_, d) => onMode(view.key, d.value as TargetMode)}
        >
          <option value="flow">{s.modeName.flow}</option>
          <option value="stock">{s.modeName.stock}</option>
        </Select>
        <Text size={200} className={styles.where}>
          ({s.modeSource[view.modeSource]})
        </Text>
      </div>
      <div className={styles.scroll}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{s.year}</th>
              <th scope="col">{s.target}</th>
              <th scope="col">{s.actual}</th>
              <th scope="col">{s.statedProgress}</th>
              <th scope="col">{s.computedProgress}</th>
            </tr>
          </thead>
          <tbody>
            {view.years.map((y, i) => {
              const note = statusNote(y, s);
              const cls = y.status === 'mismatch' ? styles.bad : y.status === 'missing' ? styles.warn : undefined;
              return (
                <tr key={i} data-year={y.year ?? ''} data-status={y.status}>
                  <td>{y.header}</td>
                  <td>{y.target}</td>
                  <td>{y.actual}</td>
                  <td className={mergeClasses(cls)}>{y.stated}</td>
                  <td className={mergeClasses(cls)}>
                    {y.computed ?? ''}
                    {note && <span className={styles.note}>{note}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ProgressChart view={view} s={s} />
    </section>
  );
}

/** What the reading passed over or noted, in words: a hidden sheet (checked), a table without year headers (not). */
export interface ReadNote {
  where: string;
  text: string;
}

/** One card per numeric target: the years side by side, a chart, and the flow/stock choice; then the reading's notes. */
export function TablesView(props: { s: Strings; views: TargetView[]; notes: ReadNote[]; onMode: (key: string, mode: TargetMode) => void }) {
  const { s, views, notes, onMode } = props;
  const styles = useStyles();
  return (
    <div className={styles.list}>
      {views.length === 0 && <Text as="p">{s.noTargets}</Text>}
      {views.map((v) => (
        <TargetCard key={`${v.sheet}!${v.range}!${v.key}`} view={v} s={s} onMode={onMode} />
      ))}
      {notes.length > 0 && (
        <section data-testid="read-notes">
          <Text weight="semibold" as="h3">
            {s.readNotes}
          </Text>
          <ul className={styles.notes}>
            {notes.map((n, i) => (
              <li key={i} data-note={n.where}>
                <Text size={200}>
                  <span className={styles.where}>{n.where}</span> {n.text}
                </Text>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
