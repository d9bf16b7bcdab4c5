import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { DocumentTable20Regular, FolderOpen20Regular } from '@fluentui/react-icons';
import { useRef, useState, type DragEvent } from 'react';
import type { Strings } from '../i18n.js';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  compact: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, gap: tokens.spacingVerticalXS, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  fileRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  over: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  hidden: { display: 'none' },
  note: { color: tokens.colorNeutralForeground3 },
  file: { overflowWrap: 'anywhere', flexGrow: 1, minWidth: '8em' },
});

/** The standalone page's way in: a file picker, drag and drop, and the bundled sample. */
export function Opener(props: { s: Strings; fileName: string | null; busy: boolean; onFile: (file: File) => void; onSample: () => void }) {
  const { s, fileName, busy, onFile, onSample } = props;
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !busy) onFile(file);
  };

  return (
    <div
      className={mergeClasses(styles.zone, fileName !== null && styles.compact, over && styles.over)}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      {fileName === null && (
        <>
          <Text as="h2" weight="semibold" size={400}>
            {s.dropTitle}
          </Text>
          <Text>{s.dropHint}</Text>
        </>
      )}
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={s.chooseFile}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so that choosing the same file again still fires a change.
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <div className={fileName === null ? styles.buttons : styles.fileRow}>
        {fileName !== null && (
          <Text weight="semibold" className={styles.file} data-testid="file-name">
            {s.fileLabel(fileName)}
          </Text>
        )}
        <Button
          appearance={fileName === null ? 'primary' : 'secondary'}
          size={fileName === null ? 'medium' : 'small'}
          icon={<FolderOpen20Regular />}
          disabled={busy}
          data-action="open"
          onClick={() => input.current?.click()}
        >
          {fileName === null ? s.chooseFile : s.openOther}
        </Button>
        <Button size={fileName === null ? 'medium' : 'small'} icon={<DocumentTable20Regular />} disabled={busy} data-action="sample" onClick={onSample}>
          {s.openSample}
        </Button>
      </div>
      <Text size={200} className={styles.note}>
        {s.privacy}
      </Text>
    </div>
  );
}
