import ExcelJS from 'exceljs';
import { channels, isChannelName, roleLabels } from '../../contract';
import type { AuditRow } from '../../../db/repos/audit';
import { SELFCHECK_ACTION, type SelfCheckDetail } from '../../../db/selfcheck';
import { REFUSED_PREFIX, REFUSED_SUMMARY } from '../refusals';
import { safeCell } from './workbook';

const roleNames: Record<string, string> = { ...roleLabels, '': '（未登录）' };

/** Entries the app writes by itself, not through a channel. */
const systemTitles: Record<string, string> = {
  'backup.auto': '自动备份',
  'audit.gap': '发现审计日志被删除或改写',
  [REFUSED_SUMMARY]: '被拒绝的调用（未逐条记录的合计）',
};

/** What the start self-check put right, in words: “启动自检：恢复了被删除的保护（audit_log_no_delete）”. */
function selfCheckTitle(detail: string): string {
  let d: Partial<SelfCheckDetail> = {};
  try {
    d = JSON.parse(detail) as Partial<SelfCheckDetail>;
  } catch {
    // a detail that is not JSON still gets the plain title
  }
  const parts = [
    ['恢复了被删除的保护', d.missing],
    ['恢复了被改动的保护', d.altered],
    ['删除了多出的触发器', d.removed],
  ] as const;
  const said = parts
    .filter(([, names]) => Array.isArray(names) && names.length > 0)
    .map(([what, names]) => `${what}（${names!.map(String).join('、')}）`);
  return `启动自检：${said.join('；') || '恢复数据库的保护'}`;
}

/** The entry's title for the trail: the channel's, a refused call's channel, or for what the system did, its own. */
export function actionTitle(action: string, detail = '{}'): string {
  if (action === SELFCHECK_ACTION) return selfCheckTitle(detail);
  if (isChannelName(action)) return channels[action].title;
  if (action.startsWith(REFUSED_PREFIX)) {
    const tried = action.slice(REFUSED_PREFIX.length);
    return `被拒绝的调用：${isChannelName(tried) ? channels[tried].title : `${tried}（无此功能）`}`;
  }
  return systemTitles[action] ?? action;
}

function localTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}` +
    `:${p(d.getSeconds())}`
  );
}

/** The audit trail as an .xlsx: one row per entry, hashes included so the export can be re-checked. */
export async function auditWorkbook(rows: Iterable<AuditRow>): Promise<{ buffer: Buffer; count: number }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '考评';
  const ws = wb.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '序号', key: 'seq', width: 8 },
    { header: '时间', key: 'at', width: 20 },
    { header: '操作人', key: 'actor', width: 14 },
    { header: '角色', key: 'role', width: 12 },
    { header: '操作', key: 'title', width: 18 },
    { header: '功能', key: 'action', width: 20 },
    { header: '对象', key: 'target', width: 16 },
    { header: '详情', key: 'detail', width: 60 },
    { header: '前一条校验值', key: 'prevHash', width: 20 },
    { header: '本条校验值', key: 'hash', width: 20 },
  ];
  ws.getRow(1).font = { bold: true };
  let count = 0;
  for (const r of rows) {
    count++;
    ws.addRow({
      seq: r.seq,
      at: localTime(r.at),
      actor: safeCell(r.actor),
      role: roleNames[r.role] ?? r.role,
      title: actionTitle(r.action, r.detail),
      action: r.action,
      target: safeCell(r.target ?? ''),
      detail: safeCell(r.detail),
      prevHash: r.prevHash,
      hash: r.hash,
    });
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, count };
}
