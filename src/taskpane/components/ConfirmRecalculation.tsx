import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Strings } from '../i18n.js';
import type { PendingRecalculation } from '../useHyoka.js';
import { shown } from './ChangesView.js';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, maxHeight: '40vh', overflowY: 'auto', display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'baseline',
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    overflowWrap: 'anywhere',
  },
  address: { fontWeight: tokens.fontWeightSemibold, minWidth: '6em' },
  before: { color: tokens.colorNeutralForeground3, textDecorationLine: 'line-through' },
  after: { fontWeight: tokens.fontWeightSemibold },
  formula: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** Most cells listed in the question; the rest are counted (the Changes tab lists every one once written). */
const MAX_LISTED = 200;

/** Asks before a recalculation writes: which cells, before → after as they will show, and how it can be undone. */
export function ConfirmRecalculation(props: { s: Strings; pending: PendingRecalculation | null; onConfirm: () => void; onCancel: () => void }) {
  const { s, pending, onConfirm, onCancel } = props;
  const styles = useStyles();
  const writes = pending?.plan.writes ?? [];
  const undo = pending ? (pending.excelUndo === null ? s.undoStandalone : pending.excelUndo ? s.undoInExcel : s.noUndoInExcel) : '';
  return (
    <Dialog open={pending !== null} modalType="modal" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface data-testid="confirm-recalculation" aria-describedby="confirm-recalculation-intro">
        <DialogBody>
          <DialogTitle>{s.confirmTitle}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text as="p" id="confirm-recalculation-intro">
              {s.confirmIntro(writes.length)}
            </Text>
            <ul className={styles.list}>
              {writes.slice(0, MAX_LISTED).map((w) => {
                const { before, after } = shown(w);
                return (
                  <li key={`${w.sheet}!${w.address}`} className={styles.item} data-confirm-cell={`${w.sheet}!${w.address}`}>
                    <span className={styles.address}>
                      {w.sheet}!{w.address}
                    </span>
                    <span className={styles.before}>{before === '' ? s.blank : before}</span>
                    <span aria-hidden>→</span>
                    <span className={styles.after}>{after}</span>
                    {w.formula && <span className={styles.formula}>={w.formula}</span>}
                  </li>
                );
              })}
            </ul>
            {writes.length > MAX_LISTED && <Text as="p">{s.confirmMore(writes.length - MAX_LISTED)}</Text>}
            <Text as="p" data-testid="confirm-undo">
              {undo}
            </Text>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" data-action="confirm-recalculate" onClick={onConfirm}>
              {s.confirmWrite}
            </Button>
            <Button data-action="cancel-recalculate" onClick={onCancel}>
              {s.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
