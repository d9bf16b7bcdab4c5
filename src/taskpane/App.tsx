import { Button, MessageBar, MessageBarActions, MessageBarBody, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { ChangesView } from './components/ChangesView.js';
import { ConfirmRecalculation } from './components/ConfirmRecalculation.js';
import { FindingsView } from './components/FindingsView.js';
import { Header } from './components/Header.js';
import { Opener } from './components/Opener.js';
import { Summary } from './components/Summary.js';
import { TablesView } from './components/TablesView.js';
import { Toolbar } from './components/Toolbar.js';
import type { Environment } from './env.js';
import { useHyoka } from './useHyoka.js';
import { severityCounts, targetViews } from './view-model.js';
import { describeFault } from '../engine/index.js';

const useStyles = makeStyles({
  root: {
    boxSizing: 'border-box',
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  standalone: { maxWidth: '960px', marginLeft: 'auto', marginRight: 'auto', width: '100%', padding: tokens.spacingHorizontalXL },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, flexGrow: 1, minHeight: 0 },
  meta: { color: tokens.colorNeutralForeground3 },
  hint: { color: tokens.colorNeutralForeground2 },
  notice: { whiteSpace: 'normal' },
});

type TabId = 'findings' | 'tables' | 'changes';

export function App({ env }: { env: Environment }) {
  const h = useHyoka(env);
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>('findings');
  const { s, lang, result } = h;
  const standalone = env.kind === 'standalone';
  const counts = useMemo(() => severityCounts(result?.findings ?? []), [result]);
  const views = useMemo(() => (result ? targetViews(result.model, lang) : []), [result, lang]);
  const tables = useMemo(() => result?.model.tables ?? [], [result]);
  const notes = useMemo(() => (result?.model.faults ?? []).map((f) => ({ where: `${f.sheet}${f.cell ? `!${f.cell}` : ''}`, text: describeFault(f.detail ? `${f.reason}: ${f.detail}` : f.reason, lang).text })), [result, lang]);

  return (
    <main className={standalone ? `${styles.root} ${styles.standalone}` : styles.root} data-host={env.kind} data-busy={h.busy ?? undefined}>
      <Header s={s} lang={lang} standalone={standalone} onLang={h.setLang} />
      {env.kind === 'other-office-host' && (
        <MessageBar intent="warning">
          <MessageBarBody>{s.notExcel}</MessageBarBody>
        </MessageBar>
      )}
      {standalone && <Opener s={s} fileName={h.fileName} busy={h.busy !== null} onFile={h.openFile} onSample={h.openSample} />}
      {h.host && <Toolbar h={h} />}
      <ConfirmRecalculation s={s} pending={h.pending} onConfirm={h.confirmRecalculate} onCancel={h.cancelRecalculate} />
      {h.notice && (
        <MessageBar intent={h.notice.intent} data-testid="notice" data-intent={h.notice.intent} className={styles.notice}>
          <MessageBarBody>{h.notice.text(s, lang)}</MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label={s.dismiss} icon={<Dismiss20Regular />} onClick={h.dismissNotice} />} />
        </MessageBar>
      )}
      {result ? (
        <div className={styles.content}>
          <Summary s={s} counts={counts} shown={h.filter.severities} onToggle={h.setSeverityShown} />
          {h.checkedAt && (
            <Text size={200} className={styles.meta}>
              {s.checkedAt(h.checkedAt.toLocaleTimeString(lang === 'ja' ? 'ja-JP' : 'en-US'))}
            </Text>
          )}
          <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small">
            <Tab value="findings" data-tab="findings">
              {s.tabFindings} ({result.findings.length})
            </Tab>
            <Tab value="tables" data-tab="tables">
              {s.tabTables} ({views.length})
            </Tab>
            <Tab value="changes" data-tab="changes">
              {s.tabChanges}
              {h.lastChange ? ` (${h.lastChange.writes.length})` : ''}
            </Tab>
          </TabList>
          {tab === 'findings' && <FindingsView h={h} tables={tables} />}
          {tab === 'tables' && <TablesView s={s} views={views} notes={notes} onMode={h.setMode} />}
          {tab === 'changes' && <ChangesView s={s} change={h.lastChange} />}
        </div>
      ) : (
        env.kind !== 'other-office-host' && (
          <Text as="p" className={styles.hint}>
            {standalone ? s.notCheckedStandalone : s.notChecked}
          </Text>
        )
      )}
    </main>
  );
}
