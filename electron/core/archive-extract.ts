import type { ArchiveLine, ArchiveSection } from './person-facts';
import { type Block, type OfficialDocument } from './documents/model';
import { archiveSection } from '../vocab';

/**
 * 档案摘要: a person's archive as a GB/T 9704 document for internal use — what the office knows, section by section,
 * each line with the record it came from. No 发文字号 (it is not issued); marked 内部资料 at the top and in the 附注.
 */

export interface ArchiveExtractInput {
  issuer: string;
  date: string;
  person: { name: string; unitName: string; post: string | null; rank: string | null; idNumber: string | null };
  lines: Omit<ArchiveLine, 'personId'>[];
  /** Lines of case content left out for the reader's role. */
  hidden: number;
}

export const archiveSections: { key: ArchiveSection; title: string }[] = archiveSection.values.map((key) => ({
  key,
  title: archiveSection.labels[key],
}));

const ordinal = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export const archiveExtractTitle = (name: string) => `${name}同志档案摘要`;

export function buildArchiveExtract(a: ArchiveExtractInput): OfficialDocument {
  const p = a.person;
  const body: Block[] = [
    { kind: 'p', text: '本摘要为内部资料，仅供干部管理和考评工作使用，不得对外提供。' },
    {
      kind: 'p',
      text:
        `姓名：${p.name}；单位：${p.unitName}；职务：${p.post || '—'}；职级：${p.rank || '—'}；` +
        `身份证号：${p.idNumber || '—'}。`,
    },
  ];
  let n = 0;
  for (const s of archiveSections) {
    const lines = a.lines.filter((l) => l.section === s.key);
    if (lines.length === 0) continue;
    body.push({ kind: 'h1', text: `${ordinal[n++] ?? String(n)}、${s.title}` });
    body.push({
      kind: 'table',
      header: ['日期', '事项', '情况', '来源'],
      rows: lines.map((l) => [l.date, l.title, l.detail || '—', l.source.label]),
      small: true,
      main: 1,
    });
  }
  if (n === 0) body.push({ kind: 'p', text: '系统中尚无该同志的档案记录。' });
  if (a.hidden > 0) body.push({ kind: 'p', text: `另有 ${a.hidden} 条问责案件内容，按权限未列入本摘要。` });
  return {
    issuers: [a.issuer],
    withWenjian: false,
    number: null,
    title: archiveExtractTitle(p.name),
    recipients: null,
    body,
    attachmentNames: [],
    signature: { org: a.issuer, date: a.date },
    note: '内部资料，注意保管',
    attachments: [],
    colophon: null,
  };
}
