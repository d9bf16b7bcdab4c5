/**
 * The pane's state and actions: check, recalculate, undo, highlight, export, download, open a
 * file. Components get plain data and callbacks from here; the workbook is reached only through
 * the WorkbookHost.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { resultText, settledRecalculation, type SettledPlan } from '../io/xlsx/settle.js';
import { checkWorkbook, type CellWrite, type CheckResult, type Finding, type RuleId, type Severity, type TargetMode, type Workbook } from '../engine/index.js';
import { HostError, type CellSnapshot, type HighlightCell, type WorkbookHost } from '../io/host.js';
import { StandaloneHost, fixedFileName, type StandaloneState } from '../io/standalone/index.js';
import { XlsxReadError } from '../io/xlsx/errors.js';
import { downloadBlob } from './download.js';
import type { Environment } from './env.js';
import { storeLang } from './env.js';
import { STRINGS, type Lang, type Strings } from './i18n.js';
import { reportFileName, reportRows, reportSheetName, toCsv } from './report-export.js';
import { SEVERITIES, findingKey, type FindingFilter } from './view-model.js';

export type Busy = 'open' | 'check' | 'recalculate' | 'undo' | 'highlight' | 'export' | 'download';

export interface Notice {
  intent: 'success' | 'error' | 'warning' | 'info';
  /** Worded at render time, so that switching the language rewords it. */
  text: (s: Strings, lang: Lang) => string;
}

export interface AppliedChange {
  snapshot: CellSnapshot[];
  writes: CellWrite[];
  valuesInsteadOfFormulas: string[];
  /** Cells whose mark (`○`) says the opposite of the progress written, kept for want of the workbook's own. */
  marksKept: string[];
  /** Formulas the recalculation left as they are (settle.ts): kept instead of written, and those whose saved result it updated. */
  formulas: {
    kept: { cell: string; formula: string; result: string }[];
    /** Only where the pane saves the file itself (the standalone page); Excel recalculates its own. */
    refreshed: { cell: string; before: string; after: string }[];
    recalcOnOpen: boolean;
  };
}


/** A recalculation planned and shown to the user, written only once confirmed. */
export interface PendingRecalculation {
  plan: SettledPlan;
  /** What the plan was made with, to make it again from the workbook as it is just before writing. */
  formulas: boolean;
  overrides: Record<string, TargetMode>;
  /** Whether Excel's own undo takes the write back in one step (ExcelApi 1.20); null where the pane alone undoes (standalone). */
  excelUndo: boolean | null;
}

/** Where the sample workbook is served, relative to the page. */
export const SAMPLE_URL = 'assets/sample-keihin-2019.xlsx';
const SAMPLE_NAME = 'sample-keihin-2019.xlsx';
const LIVE_CHECK_DELAY_MS = 400;
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function errorNotice(e: unknown, fileName?: string): Notice {
  if (e instanceof HostError) {
    const code = e.code;
    return {
      intent: 'error',
      text: (s, lang) => {
        const detail = e.detailIn(lang);
        return detail ? `${s.hostError[code]} (${detail})` : s.hostError[code];
      },
    };
  }
  if (e instanceof XlsxReadError) {
    return { intent: 'error', text: (s, lang) => s.readFailed(`${fileName ? `${fileName}: ` : ''}${e.messageIn(lang)}`) };
  }
  const detail = e instanceof Error ? e.message : String(e);
  return { intent: 'error', text: (s) => s.unexpected(detail) };
}

/** The cells (`Sheet!A1`) two plans write differently, or only one of them writes. */
function differentWrites(a: readonly CellWrite[], b: readonly CellWrite[]): string[] {
  const key = (w: CellWrite) => `${w.sheet}!${w.address}`;
  const what = (w: CellWrite) => JSON.stringify([w.value, w.formula ?? null, w.numFmt ?? null]);
  const left = new Map(a.map((w) => [key(w), what(w)]));
  const right = new Map(b.map((w) => [key(w), what(w)]));
  return [...new Set([...left.keys(), ...right.keys()])].filter((k) => left.get(k) !== right.get(k));
}

/** One mark per cell, the most severe finding's severity. */
function highlightCells(findings: readonly Finding[]): HighlightCell[] {
  const byCell = new Map<string, HighlightCell>();
  for (const f of findings) {
    const key = `${f.sheet}!${f.cell}`;
    const seen = byCell.get(key);
    if (!seen || SEVERITY_RANK[f.severity] < SEVERITY_RANK[seen.severity]) byCell.set(key, { sheet: f.sheet, address: f.cell, severity: f.severity });
  }
  return [...byCell.values()];
}

export function useHyoka(env: Environment) {
  const [lang, setLangState] = useState<Lang>(env.lang);
  const [host, setHost] = useState<WorkbookHost | null>(env.kind === 'office' ? env.host : null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [workbook, setWorkbook] = useState<Workbook | null>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);
  const [overrides, setOverrides] = useState<Record<string, TargetMode>>({});
  const [busy, setBusy] = useState<Busy | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [reviewMode, setReviewMode] = useState(false);
  const [formulas, setFormulas] = useState(false);
  const [liveCheck, setLiveCheck] = useState(true);
  const [undoStack, setUndoStack] = useState<AppliedChange[]>([]);
  const [lastChange, setLastChange] = useState<AppliedChange | null>(null);
  const [pending, setPending] = useState<PendingRecalculation | null>(null);
  const [highlightSaved, setHighlightSaved] = useState<CellSnapshot[] | null>(null);
  const [standalone, setStandalone] = useState<StandaloneState | null>(null);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [filter, setFilter] = useState<FindingFilter>({ severities: new Set(SEVERITIES), rule: 'all' });

  const s = STRINGS[lang];
  const busyRef = useRef(false);
  const pendingLiveCheck = useRef(false);
  const latest = useRef({ host, overrides });
  latest.current = { host, overrides };

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    storeLang(next);
    document.documentElement.lang = next;
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const readAndCheck = useCallback(async (h: WorkbookHost, o: Record<string, TargetMode>): Promise<CheckResult> => {
    const wb = await h.readWorkbook();
    const r = checkWorkbook(wb, { modeOverrides: o });
    setWorkbook(wb);
    setResult(r);
    setCheckedAt(new Date());
    return r;
  }, []);

  /** Runs one action at a time; a failure becomes a notice that says what to do. */
  const run = useCallback(async (kind: Busy, action: () => Promise<void>, fileForErrors?: string) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(kind);
    try {
      await action();
    } catch (e) {
      setNotice(errorNotice(e, fileForErrors));
    } finally {
      busyRef.current = false;
      setBusy(null);
    }
    if (pendingLiveCheck.current) {
      pendingLiveCheck.current = false;
      const { host: h, overrides: o } = latest.current;
      if (h) void run('check', async () => void (await readAndCheck(h, o)));
    }
  }, [readAndCheck]);

  const checkedNotice = (r: CheckResult): Notice => {
    if (r.findings.length > 0) return { intent: 'info', text: (x) => x.checked(r.findings.length) };
    // No table found is no check at all, not a clean result.
    if (r.model.tables.length === 0) return { intent: 'warning', text: (x) => x.noTablesFound };
    return { intent: 'success', text: (x) => x.checkedNone };
  };

  const check = useCallback(() => {
    if (!host) return;
    void run('check', async () => {
      const r = await readAndCheck(host, overrides);
      setNotice(checkedNotice(r));
    });
  }, [host, overrides, run, readAndCheck]);

  const openBytes = useCallback(
    async (name: string, bytes: Uint8Array) => {
      const h = new StandaloneHost(name, bytes);
      // Checked before it replaces the open file: a file that cannot be read leaves the page as it was.
      const wb = await h.readWorkbook();
      const r = checkWorkbook(wb, {});
      setHost(h);
      setFileName(name);
      setWorkbook(wb);
      setResult(r);
      setCheckedAt(new Date());
      setOverrides({});
      setUndoStack([]);
      setLastChange(null);
      setHighlightSaved(null);
      setSelectedKey(null);
      setStandalone(h.getState());
      setNotice(checkedNotice(r));
    },
    [],
  );

  const openFile = useCallback(
    (file: File) => {
      void run(
        'open',
        async () => {
          await openBytes(file.name, new Uint8Array(await file.arrayBuffer()));
        },
        file.name,
      );
    },
    [run, openBytes],
  );

  const openSample = useCallback(() => {
    void run(
      'open',
      async () => {
        let response: Response;
        try {
          response = await fetch(SAMPLE_URL);
        } catch (e) {
          const why = e instanceof Error ? e.message : String(e);
          setNotice({ intent: 'error', text: (x) => x.sampleFailed(why) });
          return;
        }
        if (!response.ok) {
          const status = `HTTP ${response.status}`;
          setNotice({ intent: 'error', text: (x) => x.sampleFailed(status) });
          return;
        }
        await openBytes(SAMPLE_NAME, new Uint8Array(await response.arrayBuffer()));
      },
      SAMPLE_NAME,
    );
  }, [run, openBytes]);

  /** Plans the recalculation and asks before writing: nothing is written until `confirmRecalculate`. */
  const recalculate = useCallback(() => {
    if (!host || !result || busyRef.current) return;
    // Formulas that give the right value once their inputs are rewritten stay formulas (settle.ts).
    // (The grid is read with every result; without one there are no formulas to follow.)
    const plan = settledRecalculation(workbook ?? { sheets: [] }, result.model, { formulas, modeOverrides: overrides });
    // The page saves formulas' results itself; Excel works its own out.
    const saves = host.kind === 'standalone';
    if (plan.writes.length === 0 && (!saves || plan.refreshed.length === 0)) {
      setNotice({ intent: 'info', text: (x) => x.nothingToRecalculate });
      return;
    }
    setPending({ plan, formulas, overrides, excelUndo: host.kind === 'office' ? host.excelUndo === true : null });
  }, [host, result, workbook, formulas, overrides]);

  const cancelRecalculate = useCallback(() => setPending(null), []);

  const confirmRecalculate = useCallback(() => {
    const p = pending;
    setPending(null);
    if (!host || !p) return;
    const { plan } = p;
    void run('recalculate', async () => {
      const saves = host.kind === 'standalone';
      if (host.kind === 'office') {
        // Excel may have changed since the check (a target or actual typed over with no live check): what was shown is
        // written only if the workbook as it is now asks for exactly that; otherwise nothing, and the pane shows it as it is.
        const wb = await host.readWorkbook();
        const now = checkWorkbook(wb, { modeOverrides: p.overrides });
        const fresh = settledRecalculation(wb, now.model, { formulas: p.formulas, modeOverrides: p.overrides });
        const differ = differentWrites(plan.writes, fresh.writes);
        if (differ.length > 0) {
          setWorkbook(wb);
          setResult(now);
          setCheckedAt(new Date());
          throw new HostError('changed-since-check', differ.join(', '));
        }
      }
      // The host reads every target again first and writes nothing if one changed since the check.
      const applied = await host.applyWrites(plan.writes, { reviewMode, formulas: { refreshed: plan.refreshed, recalcOnOpen: plan.recalcOnOpen } });
      const keptCells = new Set(plan.keptFormulas.map((k) => `${k.sheet}!${k.address}`));
      const change: AppliedChange = {
        snapshot: applied.snapshot,
        writes: applied.written,
        valuesInsteadOfFormulas: plan.valuesInsteadOfFormulas,
        marksKept: plan.marksKept,
        formulas: {
          kept: plan.keptFormulas.map((k) => ({ cell: `${k.sheet}!${k.address}`, formula: k.before.formula ?? '', result: resultText(k.result) })),
          refreshed: saves
            ? plan.refreshed.filter((f) => !keptCells.has(`${f.sheet}!${f.address}`)).map((f) => ({ cell: `${f.sheet}!${f.address}`, before: resultText(f.before), after: resultText(f.value) }))
            : [],
          recalcOnOpen: saves && plan.recalcOnOpen,
        },
      };
      setUndoStack((stack) => [...stack, change]);
      setLastChange(change);
      await readAndCheck(host, overrides);
      const n = applied.written.length;
      const instead = plan.valuesInsteadOfFormulas.length;
      const kept = plan.keptFormulas.length;
      const excelUndo = host.kind === 'office' ? applied.mergedUndo : null;
      setNotice({
        intent: 'success',
        text: (x) =>
          [
            x.recalculated(n),
            excelUndo === null ? '' : excelUndo ? x.undoInExcel : x.noUndoInExcel,
            instead > 0 ? x.recalculatedValuesInstead(instead) : '',
            kept > 0 ? x.recalculatedFormulasKept(kept) : '',
          ]
            .filter(Boolean)
            .join(' '),
      });
    });
  }, [host, pending, reviewMode, overrides, run, readAndCheck]);

  const undo = useCallback(() => {
    if (!host) return;
    const top = undoStack[undoStack.length - 1];
    if (!top) {
      setNotice({ intent: 'info', text: (x) => x.nothingToUndo });
      return;
    }
    void run('undo', async () => {
      await host.restore(top.snapshot, top.writes);
      setUndoStack((stack) => stack.slice(0, -1));
      setLastChange(null);
      await readAndCheck(host, overrides);
      const n = top.snapshot.length;
      setNotice({ intent: 'success', text: (x) => x.undone(n) });
    });
  }, [host, undoStack, overrides, run, readAndCheck]);

  const toggleHighlight = useCallback(() => {
    if (!host) return;
    void run('highlight', async () => {
      if (highlightSaved) {
        await host.removeHighlight(highlightSaved);
        setHighlightSaved(null);
        setNotice({ intent: 'success', text: (x) => x.unhighlighted });
        return;
      }
      const cells = highlightCells(result?.findings ?? []);
      if (cells.length === 0) {
        setNotice({ intent: 'info', text: (x) => x.nothingToHighlight });
        return;
      }
      const saved = await host.highlight(cells);
      // A protected sheet's cells are left unmarked: the notice counts the cells marked and names the sheets skipped.
      const done = new Set(saved.map((c) => `${c.sheet}!${c.address}`));
      const skippedSheets = [...new Set(cells.filter((c) => !done.has(`${c.sheet}!${c.address}`)).map((c) => c.sheet))];
      const skipped = cells.length - done.size;
      const n = done.size;
      if (n === 0) {
        setNotice({ intent: 'warning', text: (x) => x.highlightSkipped(skipped, skippedSheets.join(', ')) });
        return;
      }
      setHighlightSaved(saved);
      setNotice({
        intent: skipped > 0 ? 'warning' : 'success',
        text: (x) => [host.kind === 'office' ? x.highlighted(n) : x.highlightedInList(n), skipped > 0 ? x.highlightSkipped(skipped, skippedSheets.join(', ')) : ''].filter(Boolean).join(' '),
      });
    });
  }, [host, result, highlightSaved, run]);

  const exportReport = useCallback(() => {
    if (!result) return;
    void run('export', async () => {
      const rows = reportRows(result.findings, lang);
      const file = reportFileName(fileName);
      downloadBlob(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }), file);
      let sheetNotice: Notice | null = null;
      if (host?.exportToSheet && !reviewMode) {
        const sheet = reportSheetName(new Date());
        try {
          await host.exportToSheet(rows, sheet);
          sheetNotice = { intent: 'success', text: (x) => x.exportedToSheet(sheet) };
        } catch (e) {
          const why = e instanceof Error ? e.message : String(e);
          sheetNotice = { intent: 'warning', text: (x) => x.exportSheetFailed(why) };
        }
      }
      const extra = sheetNotice;
      setNotice({ intent: extra?.intent ?? 'success', text: (x, l) => (extra ? `${x.exported(file)} ${extra.text(x, l)}` : x.exported(file)) });
    });
  }, [result, lang, fileName, host, reviewMode, run]);

  const downloadFixed = useCallback(() => {
    if (!(host instanceof StandaloneHost)) return;
    void run('download', async () => {
      const name = fixedFileName(host.fileName);
      const bytes = host.currentBytes();
      const type = name.endsWith('.xlsm') ? 'application/vnd.ms-excel.sheet.macroEnabled.12' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      downloadBlob(new Blob([bytes as BlobPart], { type }), name);
      setNotice({ intent: 'success', text: (x) => x.downloaded(name) });
    });
  }, [host, run]);

  const setMode = useCallback(
    (targetKey: string, mode: TargetMode) => {
      const next = { ...overrides, [targetKey]: mode };
      setOverrides(next);
      if (!workbook) return;
      setResult(checkWorkbook(workbook, { modeOverrides: next }));
      setCheckedAt(new Date());
      setNotice({ intent: 'info', text: (x) => x.modeOverridden });
    },
    [overrides, workbook],
  );

  const selectFinding = useCallback(
    (f: Finding) => {
      setSelectedKey(findingKey(f));
      if (!host) return;
      // Excel cannot show a cell of a hidden sheet: say where it is instead of activating a sheet that is not shown.
      if (host.kind === 'office' && workbook?.sheets.find((x) => x.name === f.sheet)?.hidden) {
        const cell = `${f.sheet}!${f.cell}`;
        setNotice({ intent: 'info', text: (x) => x.hiddenSheetCell(cell, f.sheet) });
        return;
      }
      host.selectCell(f.sheet, f.cell).catch((e: unknown) => setNotice(errorNotice(e)));
    },
    [host, workbook],
  );

  const setSeverityShown = useCallback((severity: Severity, shown: boolean) => {
    setFilter((f) => {
      const severities = new Set(f.severities);
      if (shown) severities.add(severity);
      else severities.delete(severity);
      return { ...f, severities };
    });
  }, []);

  const setRuleFilter = useCallback((rule: RuleId | 'all') => setFilter((f) => ({ ...f, rule })), []);

  // The standalone host keeps selection and marks; the pane shows them.
  useEffect(() => {
    if (!(host instanceof StandaloneHost)) return;
    setStandalone(host.getState());
    return host.subscribe(setStandalone);
  }, [host]);

  // Live check (Excel): re-check shortly after the user edits, once a first check has run.
  const hasChecked = result !== null;
  useEffect(() => {
    if (!host?.onChange || !liveCheck || !hasChecked) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let disposed = false;
    let off: (() => void) | undefined;
    const recheck = () => {
      if (busyRef.current) {
        pendingLiveCheck.current = true;
        return;
      }
      const { host: h, overrides: o } = latest.current;
      if (h) void run('check', async () => void (await readAndCheck(h, o)));
    };
    host
      .onChange(() => {
        clearTimeout(timer);
        timer = setTimeout(recheck, LIVE_CHECK_DELAY_MS);
      })
      .then((unsubscribe) => {
        if (disposed) unsubscribe();
        else off = unsubscribe;
      })
      .catch((e: unknown) => setNotice(errorNotice(e)));
    return () => {
      disposed = true;
      clearTimeout(timer);
      off?.();
    };
  }, [host, liveCheck, hasChecked, run, readAndCheck]);

  const marked = useMemo(() => standalone?.marked ?? new Set<string>(), [standalone]);

  return {
    env,
    lang,
    s,
    setLang,
    host,
    fileName,
    result,
    checkedAt,
    busy,
    notice,
    dismissNotice: () => setNotice(null),
    reviewMode,
    setReviewMode,
    formulas,
    setFormulas,
    liveCheck,
    setLiveCheck,
    canUndo: undoStack.length > 0,
    changed: undoStack.length > 0,
    lastChange,
    highlighted: highlightSaved !== null,
    marked,
    selectedKey,
    selectedCell: standalone?.selected ?? null,
    filter,
    setSeverityShown,
    setRuleFilter,
    check,
    openFile,
    openSample,
    recalculate,
    pending,
    confirmRecalculate,
    cancelRecalculate,
    undo,
    toggleHighlight,
    exportReport,
    downloadFixed,
    setMode,
    selectFinding,
  };
}

export type Hyoka = ReturnType<typeof useHyoka>;
