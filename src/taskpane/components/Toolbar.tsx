import { Button, Spinner, Switch, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import {
  ArrowDownload20Regular,
  ArrowExportLtr20Regular,
  ArrowUndo20Regular,
  Calculator20Regular,
  CheckmarkCircle20Regular,
  Highlight20Regular,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { Busy, Hyoka } from '../useHyoka.js';

const useStyles = makeStyles({
  bar: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  switches: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: 0 },
});

function icon(busy: Busy | null, kind: Busy, idle: ReactElement): ReactElement {
  return busy === kind ? <Spinner size="extra-tiny" /> : idle;
}

export function Toolbar({ h }: { h: Hyoka }) {
  const styles = useStyles();
  const { s, busy, result, reviewMode, host } = h;
  const working = busy !== null;
  const standalone = host?.kind === 'standalone';
  // Highlighting fills cells in Excel; the standalone page only marks the list.
  const highlightWrites = host?.kind === 'office';
  return (
    <div className={styles.bar} role="toolbar" aria-label={s.appTitle}>
      <div className={styles.buttons}>
        <Button appearance="primary" data-action="check" icon={icon(busy, 'check', <CheckmarkCircle20Regular />)} disabled={!host || working} onClick={h.check}>
          {s.check}
        </Button>
        <Button data-action="recalculate" icon={icon(busy, 'recalculate', <Calculator20Regular />)} disabled={!result || reviewMode || working} onClick={h.recalculate}>
          {s.recalculate}
        </Button>
        <Button data-action="undo" icon={icon(busy, 'undo', <ArrowUndo20Regular />)} disabled={!h.canUndo || reviewMode || working} onClick={h.undo}>
          {s.undo}
        </Button>
        <Button
          data-action="highlight"
          aria-pressed={h.highlighted}
          icon={icon(busy, 'highlight', <Highlight20Regular />)}
          disabled={!result || working || (reviewMode && highlightWrites)}
          onClick={h.toggleHighlight}
        >
          {h.highlighted ? s.unhighlight : s.highlight}
        </Button>
        <Button data-action="export" icon={icon(busy, 'export', <ArrowExportLtr20Regular />)} disabled={!result || working} onClick={h.exportReport}>
          {s.exportReport}
        </Button>
        {standalone && (
          <Button data-action="download" icon={icon(busy, 'download', <ArrowDownload20Regular />)} disabled={!h.changed || working} onClick={h.downloadFixed}>
            {s.download}
          </Button>
        )}
      </div>
      <div className={styles.switches}>
        <Tooltip content={s.reviewModeHint} relationship="description">
          <Switch label={s.reviewMode} checked={reviewMode} data-action="review" onChange={(_, d) => h.setReviewMode(d.checked)} />
        </Tooltip>
        <Tooltip content={s.formulasHint} relationship="description">
          <Switch label={s.formulas} checked={h.formulas} disabled={reviewMode} data-action="formulas" onChange={(_, d) => h.setFormulas(d.checked)} />
        </Tooltip>
        {host?.onChange && <Switch label={s.liveCheck} checked={h.liveCheck} data-action="live" onChange={(_, d) => h.setLiveCheck(d.checked)} />}
      </div>
    </div>
  );
}
