import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { changedPart, type CellWrite } from '../../engine/index.js';
import { shownText } from '../cell-text.js';
import type { Strings } from '../i18n.js';
import type { AppliedChange } from '../useHyoka.js';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'baseline',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    overflowWrap: 'anywhere',
  },
  address: { fontWeight: tokens.fontWeightSemibold, minWidth: '6em' },
  before: { color: tokens.colorNeutralForeground3, textDecorationLine: 'line-through' },
  wasBlank: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  after: { fontWeight: tokens.fontWeightSemibold },
  formula: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  reason: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  instead: { padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorPaletteYellowBackground1, borderRadius: tokens.borderRadiusMedium },
  note: { padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
});

function beforeText(w: CellWrite): string | null {
  if (w.before.formula) return `=${w.before.formula}`;
  const v = w.before.value;
  return v === null || v === '' ? null : shownText(v, w.before.numFmt);
}

/**
 * Before and after as the cell shows them (a ratio in a `0%` cell as `174%`): of a long text whose numbers were
 * rewritten, only the changed numbers and their context.
 */
export function shown(w: CellWrite): { before: string; after: string } {
  const before = beforeText(w) ?? '';
  return typeof w.value === 'string' && !w.formula && !w.before.formula ? changedPart(before, w.value) : { before, after: shownText(w.value, w.numFmt ?? w.before.numFmt) };
}

/**
 * What the last recalculation wrote: each cell, before → after; the formulas it kept, and those whose saved results it
 * updated; the cells that got values instead of formulas.
 */
export function ChangesView({ s, change }: { s: Strings; change: AppliedChange | null }) {
  const styles = useStyles();
  if (!change) return <Text as="p">{s.noChanges}</Text>;
  return (
    <div className={styles.view} data-testid="changes">
      <Text weight="semibold" as="h3">
        {s.changesTitle} ({change.writes.length})
      </Text>
      <ul className={styles.list}>
        {change.writes.map((w) => (
          <li key={`${w.sheet}!${w.address}`} className={styles.item} data-change-cell={`${w.sheet}!${w.address}`}>
            <span className={styles.address}>
              {w.sheet}!{w.address}
            </span>
            {beforeText(w) === null ? <span className={styles.wasBlank}>{s.blank}</span> : <span className={styles.before}>{shown(w).before}</span>}
            <span aria-hidden>→</span>
            <span className={styles.after}>{shown(w).after}</span>
            {w.formula && <span className={styles.formula}>={w.formula}</span>}
            <span className={styles.reason}>
              {w.what === 'indicator-progress' ? s.indicatorName(w.target) : s.targetName(w.target)} · {s.changeReason[w.reason]}
            </span>
          </li>
        ))}
      </ul>
      <FormulaList
        testId="formulas-kept"
        title={s.formulasKept}
        items={change.formulas.kept.map((k) => ({ cell: k.cell, from: `=${k.formula}`, to: k.result }))}
        fromClass={styles.formula}
      />
      <FormulaList testId="formulas-refreshed" title={s.formulasRefreshed} items={change.formulas.refreshed.map((f) => ({ cell: f.cell, from: f.before, to: f.after }))} fromClass={styles.before} />
      {change.formulas.recalcOnOpen && (
        <Text as="p" className={styles.note} data-testid="recalc-on-open">
          {s.recalcOnOpen}
        </Text>
      )}
      <CellNote testId="marks-kept" note={s.marksKept} cells={change.marksKept} className={styles.instead} />
      <CellNote testId="values-instead" note={s.valuesInstead} cells={change.valuesInsteadOfFormulas} className={styles.instead} />
    </div>
  );
}

/** Formulas a recalculation left in place, each `cell: from → to` (a formula and what it gives, or a saved result old and new). */
/** A note over the cells it is about (nothing when there are none). */
function CellNote({ testId, note, cells, className }: { testId: string; note: string; cells: string[]; className: string }) {
  if (cells.length === 0) return null;
  return (
    <div className={className} data-testid={testId}>
      <Text as="p">{note}</Text>
      <Text as="p" weight="semibold">
        {cells.join(', ')}
      </Text>
    </div>
  );
}

function FormulaList({ testId, title, items, fromClass }: { testId: string; title: string; items: { cell: string; from: string; to: string }[]; fromClass: string }) {
  const styles = useStyles();
  if (items.length === 0) return null;
  return (
    <div className={styles.note} data-testid={testId}>
      <Text as="p">{title}</Text>
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.cell} className={styles.item}>
            <span className={styles.address}>{item.cell}</span>
            <span className={fromClass}>{item.from}</span>
            <span aria-hidden>→</span>
            <span className={styles.after}>{item.to}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
