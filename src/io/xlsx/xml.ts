/**
 * A small streaming XML tokenizer over UTF-8 bytes, for the parts of an .xlsx. It reports
 * element names without their namespace prefix, leaves attributes as byte ranges for the
 * handler to read (no allocation per element), and delivers text only when asked. DTDs are
 * refused: OOXML parts never carry one, and entity definitions are a known attack.
 */
import { XlsxReadError } from './errors.js';

export interface XmlHandler {
  /** An element opens. Its local name is bytes [name, nameEnd); attributes are [attrs, attrsEnd). */
  open(buf: Uint8Array, name: number, nameEnd: number, attrs: number, attrsEnd: number, selfClosing: boolean): void;
  close(buf: Uint8Array, name: number, nameEnd: number): void;
  /** Raw text (entities not decoded); called only while `wantText` is true. */
  text(buf: Uint8Array, start: number, end: number, cdata: boolean): void;
  wantText: boolean;
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOT = 34;
const APOS = 39;
const COLON = 58;
const BANG = 33;
const QUESTION = 63;

function isSpace(b: number): boolean {
  return b === 32 || b === 10 || b === 13 || b === 9;
}

/** Tokenizes bytes [start, end); returns where the first incomplete token starts. */
function tokenize(buf: Uint8Array, start: number, end: number, h: XmlHandler): number {
  let pos = start;
  while (pos < end) {
    if (buf[pos] !== LT) {
      const lt = buf.indexOf(LT, pos);
      if (lt < 0 || lt >= end) return h.wantText ? pos : end;
      if (h.wantText) h.text(buf, pos, lt, false);
      pos = lt;
      continue;
    }
    if (pos + 1 >= end) return pos;
    const b1 = buf[pos + 1];
    if (b1 === BANG) {
      const next = special(buf, pos, end, h);
      if (next < 0) return pos;
      pos = next;
      continue;
    }
    // Find the end of the tag; a `>` inside a quoted attribute value does not end it.
    let i = pos + 1;
    let q = 0;
    for (; i < end; i++) {
      const b = buf[i];
      if (q !== 0) {
        if (b === q) q = 0;
      } else if (b === GT) break;
      else if (b === QUOT || b === APOS) q = b;
    }
    if (i >= end) return pos;
    if (b1 === QUESTION) {
      pos = i + 1;
      continue;
    }
    const closing = b1 === SLASH;
    let nameStart = closing ? pos + 2 : pos + 1;
    let n = nameStart;
    while (n < i && !isSpace(buf[n]) && buf[n] !== SLASH) {
      if (buf[n] === COLON) nameStart = n + 1;
      n++;
    }
    if (closing) h.close(buf, nameStart, n);
    else {
      const selfClosing = buf[i - 1] === SLASH;
      h.open(buf, nameStart, n, n, selfClosing ? i - 1 : i, selfClosing);
      if (selfClosing) h.close(buf, nameStart, n);
    }
    pos = i + 1;
  }
  return pos;
}

const CDATA = [0x5b, 0x43, 0x44, 0x41, 0x54, 0x41, 0x5b]; // [CDATA[

function startsAt(buf: Uint8Array, at: number, end: number, sig: number[]): boolean | undefined {
  for (let k = 0; k < sig.length; k++) {
    if (at + k >= end) return undefined;
    if (buf[at + k] !== sig[k]) return false;
  }
  return true;
}

/** `<!-- … -->`, `<![CDATA[ … ]]>`; a DOCTYPE is refused. Returns -1 when incomplete. */
function special(buf: Uint8Array, pos: number, end: number, h: XmlHandler): number {
  const comment = startsAt(buf, pos + 2, end, [45, 45]);
  if (comment === undefined) return -1;
  if (comment) {
    for (let i = pos + 4; i + 2 < end; i++) if (buf[i] === 45 && buf[i + 1] === 45 && buf[i + 2] === GT) return i + 3;
    return -1;
  }
  const cdata = startsAt(buf, pos + 2, end, CDATA);
  if (cdata === undefined) return -1;
  if (cdata) {
    const from = pos + 9;
    for (let i = from; i + 2 < end; i++) {
      if (buf[i] === 0x5d && buf[i + 1] === 0x5d && buf[i + 2] === GT) {
        if (h.wantText) h.text(buf, from, i, true);
        return i + 3;
      }
    }
    return -1;
  }
  throw new XlsxReadError('corrupt', 'a DTD in a workbook part');
}

/**
 * Feeds chunks of a part to the tokenizer. Chunks are gathered into one buffer so that a token
 * cut by a chunk boundary is finished with the next chunk; only the unfinished tail is moved.
 */
export class XmlStream {
  private buf = new Uint8Array(1 << 20);
  private len = 0;

  constructor(private readonly handler: XmlHandler) {}

  push(chunk: Uint8Array): void {
    if (this.len + chunk.length > this.buf.length) {
      if (this.len > 0) this.drain();
      if (this.len + chunk.length > this.buf.length) {
        const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.len + chunk.length));
        bigger.set(this.buf.subarray(0, this.len));
        this.buf = bigger;
      }
    }
    this.buf.set(chunk, this.len);
    this.len += chunk.length;
    if (this.len >= this.buf.length >> 1) this.drain();
  }

  end(): void {
    this.drain();
    if (this.len > 0 && this.handler.wantText) this.handler.text(this.buf, 0, this.len, false);
  }

  private drain(): void {
    const done = tokenize(this.buf, 0, this.len, this.handler);
    if (done < this.len) this.buf.copyWithin(0, done, this.len);
    this.len -= done;
  }
}

/** Tokenizes a whole part held in memory. */
export function parseXml(bytes: Uint8Array, handler: XmlHandler): void {
  tokenize(bytes, 0, bytes.length, handler);
}

const utf8 = new TextDecoder('utf-8');

function latin(buf: Uint8Array, start: number, end: number): string {
  if (end - start === 1) return String.fromCharCode(buf[start]);
  if (end - start > 4096) return utf8.decode(buf.subarray(start, end));
  return String.fromCharCode.apply(null, buf.subarray(start, end) as unknown as number[]);
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with its entities decoded (`&amp;`, `&#x41;`); an unknown or out-of-range one is kept as written. */
export function decodeEntities(s: string): string {
  return s.replace(ENTITY, (whole, e: string) => {
    if (e.charCodeAt(0) !== 35) return NAMED[e] ?? whole;
    const code = e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Text escaped for an element's content or an attribute's value in double quotes. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Text of bytes [start, end): UTF-8, line ends normalized as XML requires, entities decoded. */
export function decodeText(buf: Uint8Array, start: number, end: number, cdata = false): string {
  let ascii = true;
  let amp = false;
  let cr = false;
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (b >= 0x80) ascii = false;
    else if (b === 38) amp = true;
    else if (b === 13) cr = true;
  }
  let s = ascii ? latin(buf, start, end) : utf8.decode(buf.subarray(start, end));
  if (cr) s = s.replace(/\r\n?/g, '\n');
  if (amp && !cdata) s = decodeEntities(s);
  return s;
}

/** Whether bytes [start, end) spell `name` (ASCII). */
export function nameIs(buf: Uint8Array, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let k = 0; k < name.length; k++) if (buf[start + k] !== name.charCodeAt(k)) return false;
  return true;
}

/** All attributes of an element as a map from local name (and `prefix:name`) to decoded value. */
export function attributes(buf: Uint8Array, start: number, end: number): Map<string, string> {
  const map = new Map<string, string>();
  let i = start;
  while (i < end) {
    while (i < end && isSpace(buf[i])) i++;
    if (i >= end) break;
    const qStart = i;
    let nameStart = i;
    while (i < end && buf[i] !== 61 && !isSpace(buf[i])) {
      if (buf[i] === COLON) nameStart = i + 1;
      i++;
    }
    const qualified = latin(buf, qStart, i);
    const local = latin(buf, nameStart, i);
    while (i < end && buf[i] !== QUOT && buf[i] !== APOS) i++;
    if (i >= end) break;
    const q = buf[i];
    const vs = i + 1;
    const ve = buf.indexOf(q, vs);
    if (ve < 0 || ve > end) break;
    const value = decodeText(buf, vs, ve).replace(/[\t\n]/g, ' ');
    if (!map.has(local)) map.set(local, value);
    map.set(qualified, value);
    i = ve + 1;
  }
  return map;
}
