import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Severity } from '../../engine/index.js';
import type { Strings } from '../i18n.js';
import { SEVERITIES } from '../view-model.js';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: tokens.spacingHorizontalS },
  tile: {
    display: 'flex',
    alignItems: 'baseline',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: '4px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    cursor: 'pointer',
    textAlign: 'left',
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  off: { opacity: 0.45, backgroundColor: tokens.colorNeutralBackground1, textDecorationLine: 'line-through' },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  count: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  label: { fontSize: tokens.fontSizeBase200 },
});

/** Counts of findings by severity; each count also switches its findings on and off in the list. */
export function Summary(props: { s: Strings; counts: Record<Severity, number>; shown: ReadonlySet<Severity>; onToggle: (severity: Severity, shown: boolean) => void }) {
  const { s, counts, shown, onToggle } = props;
  const styles = useStyles();
  return (
    <div className={styles.row} data-testid="summary" role="group" aria-label={s.severityFilter}>
      {SEVERITIES.map((sev) => {
        const on = shown.has(sev);
        return (
          <button
            key={sev}
            type="button"
            aria-pressed={on}
            title={s.severityFilter}
            className={mergeClasses(styles.tile, styles[sev], !on && styles.off)}
            data-severity-count={sev}
            data-filter-severity={sev}
            onClick={() => onToggle(sev, !on)}
          >
            <span className={styles.count} data-count="">
              {counts[sev]}
            </span>
            <span className={styles.label}>{s.severity[sev]}</span>
          </button>
        );
      })}
    </div>
  );
}
