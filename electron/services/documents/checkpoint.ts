import { AlignmentType, BorderStyle, Document, VerticalAlign, WidthType } from 'docx';
import { packReference } from './gbt9704-docx';
import { type CellNode, type Frame, type Layout, type RowNode, paragraph } from './gbt9704-nodes';
import { DEMO_MARK } from '../../core';
import { FONTS, MARGIN, PAGE, RED, SMALL_SIZE, TITLE_SIZE, TYPE_AREA } from './gbt9704-numbers';
import { packFast } from './gbt9704-package';
import { run, runs } from './gbt9704-runs';

/** What the auditor prints and files: the end of the audit trail on a given day. */
export interface Checkpoint {
  unitName: string;
  nodeId: string;
  /** Local date and time, as printed. */
  madeAt: string;
  madeBy: string;
  seq: number;
  count: number;
  hash: string;
  chainOk: boolean;
  /** What the check found, when it was not intact. */
  findings: string[];
  /** Printed from demonstration data: says so at its top left, like every other document (README 演示数据). */
  demo?: boolean;
}

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: line, bottom: line, left: line, right: line };

function cell(text: string, width: number, o: { mono?: boolean; bold?: boolean } = {}): CellNode {
  return {
    o: {
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      borders,
      margins: { top: 80, bottom: 80, left: 120, right: 120 },
    },
    children: text
      .split('\n')
      .map((t) =>
        paragraph(
          {},
          o.mono
            ? [{ kind: 'run', text: t, o: { font: 'Courier New', size: SMALL_SIZE, bold: true } }]
            : runs(t, { size: SMALL_SIZE, bold: o.bold, font: o.bold ? FONTS.heiti : FONTS.fangsong }),
        ),
      ),
  };
}

/** The checkpoint's page: A4 with the 公文's margins, no footers. */
const checkpointFrame: Frame = {
  id: 'checkpoint',
  document: (title, sections) =>
    new Document({ title, styles: { default: { document: { run: { font: FONTS.fangsong } } } }, sections }),
  section: () => ({ properties: { page: { size: PAGE, margin: MARGIN } } }),
};

/** The hash in four lines of sixteen digits, in groups of four: easy to read aloud and to type back in. */
export const groupedHash = (hash: string) =>
  (hash.match(/.{1,16}/g) ?? []).map((l) => (l.match(/.{1,4}/g) ?? []).join(' ')).join('\n');

/** A one-page A4 record: the trail's end, the check's result, how to use it later, and signatures. */
function checkpointLayout(c: Checkpoint): Layout {
  const label = Math.round(TYPE_AREA.width * 0.3);
  const value = TYPE_AREA.width - label;
  const row = (k: string, v: string, mono = false): RowNode => ({
    o: { cantSplit: true },
    cells: [cell(k, label, { bold: true }), cell(v, value, { mono })],
  });
  const para = (text: string, o: { center?: boolean; size?: number; font?: (typeof FONTS)[keyof typeof FONTS] } = {}) =>
    paragraph(
      { alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: { before: 120, after: 120 } },
      runs(text, { size: o.size ?? SMALL_SIZE, font: o.font }),
    );
  return {
    frame: checkpointFrame,
    title: '审计日志检查点',
    sections: [
      {
        kind: 'page',
        children: [
          ...(c.demo ? [paragraph({}, [run(DEMO_MARK, { font: FONTS.heiti, color: RED })])] : []),
          paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 360 } }, [
            run('审计日志检查点', { font: FONTS.xiaobiaosong, size: TITLE_SIZE, grid: false }),
          ]),
          {
            kind: 'table',
            o: { width: { size: TYPE_AREA.width, type: WidthType.DXA }, columnWidths: [label, value] },
            rows: [
              row('单位', c.unitName || '（未设置单位名称）'),
              row('安装节点编号', c.nodeId),
              row('打印时间', c.madeAt),
              row('打印人（审计员）', c.madeBy),
              row('最新记录序号', String(c.seq)),
              row('记录条数', String(c.count)),
              row('最新记录校验值\n（SHA-256）', groupedHash(c.hash), true),
              row('校验结果', c.chainOk ? '链条完整，与已知锚点一致' : ['发现问题：', ...c.findings].join('\n')),
            ],
          },
          para(
            '用途：审计日志每条记录都含有前一条的校验值。本页记下了打印时审计日志的最后一条。今后如有人删除此后的记录或' +
              '改动此前的记录，按下面的方法核对即可发现。',
          ),
          para(
            `核对方法：审计员登录考评系统，在“审计日志”页“核对纸质检查点”中填写上面的序号 ${c.seq} 和校验值（至少前 16 位），` +
              `或在命令行运行 kaoping audit verify --anchor ${c.seq}:${c.hash.slice(0, 16)} --as <审计员账号>。`,
          ),
          para('请审计员和见证人签字后存档，不要只存放在本机。'),
          paragraph({ spacing: { before: 600 } }, runs('审计员（签字）：____________　　日期：____________')),
          paragraph({ spacing: { before: 480 } }, runs('见证人（签字）：____________　　日期：____________')),
        ],
      },
    ],
  };
}

export const renderCheckpointSync = (c: Checkpoint): Buffer => packFast(checkpointLayout(c));

export const renderCheckpoint = (c: Checkpoint): Promise<Buffer> =>
  new Promise((resolve) => resolve(renderCheckpointSync(c)));

/** The reference renderer (see gbt9704-docx.ts). */
export const renderCheckpointReference = (c: Checkpoint): Promise<Buffer> => packReference(checkpointLayout(c));
