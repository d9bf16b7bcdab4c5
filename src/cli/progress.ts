/** A one-line progress bar on a terminal's stderr; nothing at all when stderr is not a terminal. */
import { visibleBidi } from './format.js';

export interface ProgressBar {
  update(done: number, total: number, file: string): void;
  /** Clears the line, leaving the terminal as it was. */
  end(): void;
}

interface Terminal {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

const WIDTH = 24;

/** Columns a character takes on a terminal: two for the wide (East Asian) ones, 漢字 and かな among them. */
function columnsOf(ch: string): number {
  const c = ch.codePointAt(0)!;
  const wide =
    (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) || (c >= 0x3041 && c <= 0x33ff) || (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x1f300;
  return wide ? 2 : 1;
}

/** The end of a text that fits in `room` columns, with an ellipsis where its start was cut. */
function tail(text: string, room: number): string {
  const chars = [...text];
  let used = 0;
  for (const ch of chars) used += columnsOf(ch);
  if (used <= room) return text;
  let kept = '';
  used = 1;
  for (let i = chars.length - 1; i >= 0 && used + columnsOf(chars[i]) <= room; i--) {
    kept = chars[i] + kept;
    used += columnsOf(chars[i]);
  }
  return room > 0 ? `…${kept}` : '';
}
const EVERY_MS = 80;

export function progressBar(stream: Terminal, now: () => number = () => performance.now()): ProgressBar | undefined {
  if (!stream.isTTY) return undefined;
  let last = -Infinity;
  let shown = false;
  return {
    update(done, total, file) {
      const t = now();
      if (done < total && t - last < EVERY_MS) return;
      last = t;
      // The line never reaches the terminal's edge: a line that wraps is not taken back by \r, and each update would
      // leave one more line behind. A narrow terminal gets a shorter bar (half the room at most, the name the rest), then the count alone; a name is cut to the
      // columns its characters take (two for 漢字 and かな).
      const columns = stream.columns || 80;
      const count = ` ${done}/${total} `;
      const width = Math.min(WIDTH, Math.floor((columns - 1 - 'hyoka []'.length - count.length) / 2));
      const filled = total === 0 ? width : Math.round((done / total) * width);
      const head = width >= 4 ? `hyoka [${'█'.repeat(filled)}${'░'.repeat(width - filled)}]${count}` : count.trim().length + 1 < columns ? `${count.trim()} ` : count.trim().length < columns ? count.trim() : '';
      const room = Math.max(0, columns - head.length - 1);
      // A file name is shown, never obeyed: control characters would steer the terminal, and bidirectional ones reorder it.
      const clean = visibleBidi(file).replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
      stream.write(`\r\x1b[2K${head}${tail(clean, room)}`);
      shown = true;
    },
    end() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
