/** A one-line progress bar on a terminal's stderr; nothing at all when stderr is not a terminal. */

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
      const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
      const head = `hyoka [${bar}] ${done}/${total} `;
      const room = Math.max(0, (stream.columns ?? 80) - head.length - 1);
      // A file name is shown, never obeyed: control characters would steer the terminal.
      const clean = file.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
      const name = clean.length > room ? `…${clean.slice(clean.length - room + 1)}` : clean;
      stream.write(`\r\x1b[2K${head}${room > 0 ? name : ''}`);
      shown = true;
    },
    end() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
