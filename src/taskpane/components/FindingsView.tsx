import { Badge, Select, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, type KeyboardEvent } from 'react';
import { RULES, formatFinding, type Finding, type RuleId, type Severity, type Table } from '../../engine/index.js';
import type { Lang, Strings } from '../i18n.js';
import type { Hyoka } from '../useHyoka.js';
import { applyFilter, findingKey, groupFindings, ruleCounts, type ListItem } from '../view-model.js';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, flexGrow: 1, minHeight: 0 },
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  ruleSelect: { minWidth: '180px', flexGrow: 1, maxWidth: '320px' },
  count: { color: tokens.colorNeutralForeground3 },
  scroller: {
    flexGrow: 1,
    height: '0px',
    minHeight: '280px',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  empty: { padding: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground3 },
  group: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'baseline',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderLeft: '3px solid transparent',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
  markedRow: { borderLeft: `3px solid ${tokens.colorPaletteYellowBorderActive}` },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: '2px' },
  address: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' },
  rule: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100 },
  ruleName: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  message: { overflowWrap: 'anywhere', lineHeight: tokens.lineHeightBase300 },
  calc: { color: tokens.colorNeutralForeground2, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorBrandForeground1 },
  sevIcon: { display: 'inline-flex', alignItems: 'center', gap: '2px' },
});

const SEVERITY_ICON: Record<Severity, typeof ErrorCircle16Filled> = { error: ErrorCircle16Filled, warning: Warning16Filled, info: Info16Filled };

const FindingRow = memo(function FindingRow(props: {
  finding: Finding;
  lang: Lang;
  s: Strings;
  selected: boolean;
  marked: boolean;
  onSelect: (f: Finding) => void;
}) {
  const { finding: f, lang, s, selected, marked, onSelect } = props;
  const styles = useStyles();
  const Icon = SEVERITY_ICON[f.severity];
  const message = formatFinding({ ...f, calc: undefined }, lang);
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(f);
    }
  };
  return (
    <div
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      className={mergeClasses(styles.row, selected && styles.selected, marked && styles.markedRow)}
      data-finding=""
      data-rule={f.rule}
      data-severity={f.severity}
      data-sheet={f.sheet}
      data-cell={f.cell}
      data-marked={marked ? 'true' : undefined}
      onClick={() => onSelect(f)}
      onKeyDown={onKey}
    >
      <div className={styles.head}>
        <span className={mergeClasses(styles.sevIcon, styles[f.severity])}>
          <Icon aria-hidden />
          <Text size={200} weight="semibold" className={styles[f.severity]}>
            {s.severity[f.severity]}
          </Text>
        </span>
        <Text size={200} className={styles.address}>
          {f.sheet}!{f.cell}
        </Text>
        <span className={styles.ruleName}>{s.ruleName[f.rule]}</span>
        <span className={styles.rule}>{f.rule}</span>
        {marked && (
          <Badge size="small" appearance="tint" color="warning">
            {s.marked}
          </Badge>
        )}
      </div>
      <Text size={300} className={styles.message} data-message="">
        {message}
      </Text>
      {f.calc && (
        <span className={styles.calc} data-calc="">
          {s.calcLabel}: {f.calc}
        </span>
      )}
    </div>
  );
});

function GroupRow({ item, s }: { item: Extract<ListItem, { kind: 'group' }>; s: Strings }) {
  const styles = useStyles();
  return (
    <div className={styles.group} role="heading" aria-level={3} data-group-sheet={item.sheet} data-group-table={item.tableKind}>
      <Text size={200} weight="semibold">
        {item.sheet} · {s.tableKind[item.tableKind]}
        {item.range ? ` ${item.range}` : ''}
      </Text>
      <Text size={200}>({item.count})</Text>
    </div>
  );
}

export function FindingsView({ h, tables }: { h: Hyoka; tables: readonly Table[] }) {
  const styles = useStyles();
  const { s, lang, filter } = h;
  const findings = h.result?.findings ?? [];
  const rules = useMemo(() => ruleCounts(findings), [findings]);
  const filtered = useMemo(() => applyFilter(findings, filter), [findings, filter]);
  const items = useMemo(() => groupFindings(filtered, tables), [filtered, tables]);
  const scroller = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (items[i].kind === 'group' ? 34 : 92),
    getItemKey: (i) => items[i].key,
    overscan: 6,
  });

  return (
    <div className={styles.view}>
      <div className={styles.filters}>
        <Select
          size="small"
          className={styles.ruleSelect}
          aria-label={s.ruleFilter}
          data-filter="rule"
          value={filter.rule}
          onChange={(_, d) => h.setRuleFilter(d.value as RuleId | 'all')}
        >
          <option value="all">{s.allRules}</option>
          {RULES.filter((r) => rules.has(r.id)).map((r) => (
            <option key={r.id} value={r.id} title={r.describe[lang]}>
              {s.ruleName[r.id]} ({rules.get(r.id)})
            </option>
          ))}
        </Select>
        <Text size={200} className={styles.count} data-testid="finding-count" data-shown={filtered.length} data-total={findings.length}>
          {s.showing(filtered.length, findings.length)}
        </Text>
      </div>
      <div ref={scroller} className={styles.scroller} data-testid="finding-list" role="list" aria-label={s.tabFindings}>
        {items.length === 0 ? (
          <Text className={styles.empty} as="p" data-testid="list-empty">
            {findings.length > 0 ? s.noFindingsFiltered : tables.length === 0 ? s.noTablesFound : s.noFindings}
          </Text>
        ) : (
          <div style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative', width: '100%' }}>
            {virtualizer.getVirtualItems().map((v) => {
              const item = items[v.index];
              return (
                <div
                  key={v.key}
                  data-index={v.index}
                  ref={virtualizer.measureElement}
                  role="listitem"
                  style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${v.start}px)` }}
                >
                  {item.kind === 'group' ? (
                    <GroupRow item={item} s={s} />
                  ) : (
                    <FindingRow
                      finding={item.finding}
                      lang={lang}
                      s={s}
                      selected={h.selectedKey === findingKey(item.finding)}
                      marked={h.marked.has(`${item.finding.sheet}!${item.finding.cell}`)}
                      onSelect={h.selectFinding}
                    />
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
      {h.selectedCell && (
        <Text size={200} className={styles.count} data-testid="selected-cell">
          {s.selectedCell(h.selectedCell)}
        </Text>
      )}
    </div>
  );
}
