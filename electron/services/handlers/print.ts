import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../contract';
import { buildPrintCover, markDemo } from '../../core';
import { documentById } from '../../../db/repos/documents';
import { renderOfficialDocument } from '../documents/gbt9704';
import { checkedPath, readRegistered } from '../documents/issue';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { readBasicSettings } from './settings';
import { todayOf } from '../org/write';

/** The documents in the order asked, each checked against its registered hash; a voided one is refused. */
export function printableDocuments(ctx: HandlerContext, ids: number[]) {
  return ids.map((id) => {
    const d = documentById(ctx.sqlite, id);
    if (!d) throw new AppError('NOT_FOUND', '要打印的公文有的已不存在，请刷新后重选。');
    if (d.voidedAt) throw new AppError('RULE_VIOLATION', `公文 ${d.number} 已作废，不能打印。`);
    readRegistered(ctx.env.dataDir, d);
    return d;
  });
}

export const printHandlers: Handlers<'documents.print'> = {
  /**
   * Prints registered documents in the order given; more than one gets a 打印清单 first (rendered, not registered:
   * it is a working list). The desktop host hands the files to Word/WPS; the web host cannot print, so the renderer
   * downloads the list and the documents in order.
   */
  'documents.print': prepared(
    async (ctx, input) => {
      const docs = printableDocuments(ctx, input.ids);
      const settings = readBasicSettings(ctx);
      const today = todayOf(ctx.now);
      const cover =
        docs.length > 1
          ? {
              fileName: `打印清单（${today}，共${docs.length}份）.docx`,
              bytes: await renderOfficialDocument(
                // a cover list made from demonstration data says so too
                markDemo(
                  buildPrintCover({
                    office: settings.issuingBodies[0] || settings.unitName || '目标考评办公室',
                    today,
                    lines: docs.map((d) => ({ number: d.number, title: d.title, unit: d.subject })),
                  }),
                  ctx.env.demo,
                ),
              ),
            }
          : null;
      if (!ctx.app.printFiles) return { docs, cover, result: null };
      const files = docs.map((d) => checkedPath(ctx.env.dataDir, d));
      if (cover) {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-print-'));
        files.unshift(path.join(dir, cover.fileName));
        fs.writeFileSync(files[0]!, cover.bytes);
      }
      return { docs, cover, result: await ctx.app.printFiles(files) };
    },
    (ctx, _input, { docs, cover, result }) => {
      const coverOut = cover && { fileName: cover.fileName, base64: cover.bytes.toString('base64') };
      const printed = !!result && result.plan.via !== 'pdf' && !result.error;
      ctx.audit(`documents:${docs.map((d) => d.number).join('、')}`, {
        print: result?.plan.via ?? 'browser',
        printed,
        count: docs.length,
      });
      if (!result)
        return {
          via: 'browser' as const,
          printed: false,
          message: '浏览器方式下不能直接打印，已按顺序下载（清单在前），请用 Word/WPS 打开后打印。',
          cover: coverOut,
        };
      return {
        via: result.plan.via,
        printed,
        message: result.error ? `${result.error}，请确认打印机和 Word/WPS 可用。` : result.plan.message,
        cover: coverOut,
      };
    },
  ),
};
