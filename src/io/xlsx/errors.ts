/** Why a file could not be read, in words for people (Japanese and English). */
export type ReadErrorCode =
  | 'empty'
  | 'not-zip'
  | 'encrypted'
  | 'xls'
  | 'doc'
  | 'ppt'
  | 'ole'
  | 'csv'
  | 'html'
  | 'spreadsheet-xml'
  | 'xlsb'
  | 'too-large'
  | 'zip-bomb'
  | 'too-many-cells'
  | 'too-many-strings'
  | 'too-many-parts'
  | 'xml-too-deep'
  | 'invalid-xml'
  | 'corrupt'
  | 'not-xlsx'
  | 'unreadable';

const MESSAGES: Record<ReadErrorCode, { ja: string; en: string }> = {
  empty: { ja: '空のファイル(0 バイト)です。コピーか保存が途中で失敗したのかもしれません。元のファイルを取り直してください。', en: 'the file is empty (0 bytes): a copy or a save may have failed midway; get the original file again.' },
  'not-zip': { ja: '.xlsx ファイルではありません(ZIP 形式でない)。Excel で開いて .xlsx として保存し直してください。', en: 'not an .xlsx file (not a ZIP archive); open it in Excel and save it as .xlsx.' },
  encrypted: { ja: 'パスワードで保護(暗号化)されたブックです。Excel でパスワードを解除して保存してから確認してください。', en: 'the workbook is password-protected (encrypted); remove the password in Excel, save, and check again.' },
  xls: { ja: '古い .xls 形式のファイルです。Excel で .xlsx 形式に保存し直してください。', en: 'an old .xls file; save it as .xlsx in Excel.' },
  doc: { ja: 'Word の文書(古い .doc 形式)を表計算ファイルの名前で保存したもので、Excel ブックではありません。評価書のブックを Excel で .xlsx として保存したものを指定してください。', en: 'a Word document (old .doc format) under a spreadsheet name, not an Excel workbook; name the evaluation workbook saved as .xlsx in Excel.' },
  ppt: { ja: 'PowerPoint のプレゼンテーション(古い .ppt 形式)を表計算ファイルの名前で保存したもので、Excel ブックではありません。評価書のブックを Excel で .xlsx として保存したものを指定してください。', en: 'a PowerPoint presentation (old .ppt format) under a spreadsheet name, not an Excel workbook; name the evaluation workbook saved as .xlsx in Excel.' },
  ole: { ja: 'Office の古い形式(OLE 複合ファイル)ですが、Excel ブックではありません(Outlook のメッセージや Visio の図面など)。評価書のブックを Excel で .xlsx として保存したものを指定してください。', en: 'an old-format Office file (an OLE compound file), but not an Excel workbook (an Outlook message or a Visio drawing, say); name the evaluation workbook saved as .xlsx in Excel.' },
  csv: { ja: 'CSV などのテキストファイルです。Excel で .xlsx 形式に保存し直してください。', en: 'a text (CSV) file, not an .xlsx; save it as .xlsx in Excel.' },
  html: { ja: 'Web ページ(HTML)を表計算ファイルの名前で保存したものです(システムの「Excel 出力」によくある形)。Excel で開き、.xlsx 形式で保存し直してください。', en: 'a web page (HTML) saved under a spreadsheet name, as systems that "export to Excel" often write; open it in Excel and save it as .xlsx.' },
  'spreadsheet-xml': { ja: 'XML スプレッドシート 2003 形式のファイルです。Excel で開き、.xlsx 形式で保存し直してください。', en: 'an XML Spreadsheet 2003 file; open it in Excel and save it as .xlsx.' },
  xlsb: { ja: 'バイナリ形式(.xlsb)のブックです。Excel で .xlsx 形式に保存し直してください。', en: 'a binary workbook (.xlsb); save it as .xlsx in Excel.' },
  'too-large': { ja: 'ファイルが大きすぎます(上限は --max-bytes で変更できます)。', en: 'the file is larger than the limit (change it with --max-bytes).' },
  'zip-bomb': { ja: '展開後のサイズが上限を超えます(ZIP 爆弾の可能性)。ファイルを確認してください。', en: 'its contents would inflate beyond the limit (a possible zip bomb); check the file.' },
  'too-many-cells': { ja: 'セル数が上限を超えます(上限は --max-cells で変更できます)。', en: 'it holds more cells than the limit (change it with --max-cells).' },
  'too-many-strings': { ja: '共有文字列の数が上限を超えます(上限は --max-cells で変更できます)。', en: 'its shared-string table holds more strings than the limit (change it with --max-cells).' },
  'too-many-parts': { ja: 'ZIP 内のファイル数が多すぎます。ファイルを確認してください。', en: 'the archive holds too many parts; check the file.' },
  'xml-too-deep': { ja: 'ブック内の XML の入れ子が深すぎます。ファイルを確認してください。', en: 'the XML inside the workbook is nested too deeply; check the file.' },
  'invalid-xml': { ja: 'ブック内の XML が壊れています。Excel で開いて保存し直してください。', en: 'the XML inside the workbook is damaged; open it in Excel and save it again.' },
  corrupt: { ja: 'ファイルが壊れているか途中で切れています。元のファイルを取り直してください。', en: 'the file is damaged or cut short; get the original file again.' },
  'not-xlsx': { ja: 'ZIP ファイルですが Excel ブック(.xlsx)ではありません(Word や PowerPoint の文書、ファイルをまとめた ZIP など)。評価書のブックを Excel で .xlsx として保存したものを指定してください。', en: 'a ZIP archive, but not an Excel workbook (.xlsx): a Word or PowerPoint document, or files zipped together, say; name the evaluation workbook saved as .xlsx in Excel.' },
  unreadable: { ja: 'ブックを読み取れませんでした。', en: 'the workbook could not be read.' },
};

/** Details come from the file itself; one short line keeps the reason one line on stderr. */
function oneLine(detail: string | undefined): string | undefined {
  if (detail === undefined) return undefined;
  const line = detail.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
  return line.length > 160 ? `${line.slice(0, 159)}…` : line || undefined;
}

export class XlsxReadError extends Error {
  readonly detail?: string;

  constructor(
    readonly code: ReadErrorCode,
    detail?: string,
  ) {
    const line = oneLine(detail);
    super(`${MESSAGES[code].en}${line ? ` (${line})` : ''}`);
    this.detail = line;
    this.name = 'XlsxReadError';
  }

  messageIn(lang: 'ja' | 'en'): string {
    if (!this.detail) return MESSAGES[this.code][lang];
    // A detail in words is the reader's own note on what it met (`no end of central directory`, a part's name), for
    // whoever looks into the file: labelled so in either language, as it is not translated. A bare figure (`> 1000`) is not.
    const words = /[A-Za-z]/.test(this.detail);
    return `${MESSAGES[this.code][lang]} (${words ? `${lang === 'ja' ? '技術的な詳細' : 'technical detail'}: ` : ''}${this.detail})`;
  }
}
