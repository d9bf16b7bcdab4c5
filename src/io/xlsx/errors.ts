/** Why a file could not be read, in words for people (Japanese and English). */
export type ReadErrorCode =
  | 'empty'
  | 'not-zip'
  | 'encrypted'
  | 'xls'
  | 'csv'
  | 'too-large'
  | 'zip-bomb'
  | 'too-many-cells'
  | 'corrupt'
  | 'not-xlsx'
  | 'unreadable';

const MESSAGES: Record<ReadErrorCode, { ja: string; en: string }> = {
  empty: { ja: '空のファイルです。', en: 'the file is empty.' },
  'not-zip': { ja: '.xlsx ファイルではありません(ZIP 形式でない)。Excel で開いて .xlsx として保存し直してください。', en: 'not an .xlsx file (not a ZIP archive); open it in Excel and save it as .xlsx.' },
  encrypted: { ja: 'パスワードで保護(暗号化)されたブックです。Excel でパスワードを解除して保存してから確認してください。', en: 'the workbook is password-protected (encrypted); remove the password in Excel, save, and check again.' },
  xls: { ja: '古い .xls 形式のファイルです。Excel で .xlsx 形式に保存し直してください。', en: 'an old .xls file; save it as .xlsx in Excel.' },
  csv: { ja: 'CSV などのテキストファイルです。Excel で .xlsx 形式に保存し直してください。', en: 'a text (CSV) file, not an .xlsx; save it as .xlsx in Excel.' },
  'too-large': { ja: 'ファイルが大きすぎます(上限は --max-bytes で変更できます)。', en: 'the file is larger than the limit (change it with --max-bytes).' },
  'zip-bomb': { ja: '展開後のサイズが上限を超えます(ZIP 爆弾の可能性)。ファイルを確認してください。', en: 'its contents would inflate beyond the limit (a possible zip bomb); check the file.' },
  'too-many-cells': { ja: 'セル数が上限を超えます(上限は --max-cells で変更できます)。', en: 'it holds more cells than the limit (change it with --max-cells).' },
  corrupt: { ja: 'ファイルが壊れているか途中で切れています。元のファイルを取り直してください。', en: 'the file is damaged or cut short; get the original file again.' },
  'not-xlsx': { ja: 'ZIP ファイルですが Excel ブック(.xlsx)ではありません。', en: 'a ZIP archive, but not an Excel workbook (.xlsx).' },
  unreadable: { ja: 'ブックを読み取れませんでした。', en: 'the workbook could not be read.' },
};

export class XlsxReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    readonly detail?: string,
  ) {
    super(`${MESSAGES[code].en}${detail ? ` (${detail})` : ''}`);
    this.name = 'XlsxReadError';
  }

  messageIn(lang: 'ja' | 'en'): string {
    return `${MESSAGES[this.code][lang]}${this.detail ? ` (${this.detail})` : ''}`;
  }
}
