import { chineseDate, type OfficialDocument } from './documents/model';

export interface PrintCoverLine {
  number: string;
  title: string;
  /** The unit the document concerns (the register's subject), if any. */
  unit: string | null;
}

/**
 * The 打印清单 printed first in a batch: what follows, in order, so the pile can be checked and handed out. It is a
 * working list, not an official document: no 文号, not registered, not kept.
 */
export function buildPrintCover(c: { office: string; today: string; lines: PrintCoverLine[] }): OfficialDocument {
  return {
    issuers: [c.office],
    withWenjian: false,
    number: null,
    title: `打印清单（${chineseDate(c.today)}）`,
    recipients: null,
    body: [
      { kind: 'p', text: `本批按下列顺序打印，共${c.lines.length}份。` },
      {
        kind: 'table',
        header: ['序号', '文号', '标题', '单位'],
        main: 2,
        small: true,
        rows: c.lines.map((l, i) => [String(i + 1), l.number, l.title, l.unit ?? '']),
      },
      { kind: 'p', text: `共${c.lines.length}份。` },
    ],
    attachmentNames: [],
    signature: { org: c.office, date: c.today },
    note: null,
    attachments: [],
    colophon: null,
  };
}
