import { AppError, type DocKind } from '../../contract';
import { documentById, listDocuments, voidDocument } from '../../../db/repos/documents';
import { isSignedLetterDocument } from '../../../db/repos/letters';
import { checkedPath, readRegistered } from '../documents/issue';
import { type HandlerContext, type Handlers, prepared } from '../handler';

const view = (d: NonNullable<ReturnType<typeof documentById>>) => {
  const { year: _y, ...rest } = d;
  return { ...rest, kind: d.kind as DocKind | 'combined' };
};

function mustDoc(ctx: HandlerContext, id: number) {
  const d = documentById(ctx.sqlite, id);
  if (!d) throw new AppError('NOT_FOUND', '没有找到这份公文，请刷新。');
  return d;
}

export const documentsHandlers: Handlers<'documents.list' | 'documents.content' | 'documents.open' | 'documents.void'> =
  {
    'documents.list': (ctx, input) => listDocuments(ctx.sqlite, input).map(view),
    'documents.content': (ctx, input) => {
      const d = mustDoc(ctx, input.id);
      return { fileName: d.fileName, base64: readRegistered(ctx.env.dataDir, d).toString('base64') };
    },
    /** Opens the registered file in Word/WPS (desktop only), after checking it is the file that was registered. */
    'documents.open': prepared(
      async (ctx, input) => {
        const d = mustDoc(ctx, input.id);
        readRegistered(ctx.env.dataDir, d);
        if (!ctx.app.openFile) return { d, error: null, available: false };
        return { d, error: await ctx.app.openFile(checkedPath(ctx.env.dataDir, d)), available: true };
      },
      (ctx, _input, { d, error, available }) => {
        if (!available) return { opened: false, message: '浏览器方式下不能直接调用 Word/WPS，请下载后打开。' };
        ctx.audit(`document:${d.number}`, { opened: !error });
        return error
          ? { opened: false, message: `未能打开：${error}。请确认本机已安装 Word 或 WPS。` }
          : { opened: true, message: '已用本机的 Word/WPS 打开，请在其中打印。' };
      },
    ),
    'documents.void': (ctx, input) => {
      const d = mustDoc(ctx, input.id);
      if (d.voidedAt) throw new AppError('CONFLICT', `公文 ${d.number} 已于之前作废。`);
      if (isSignedLetterDocument(ctx.sqlite, d.id))
        throw new AppError('RULE_VIOLATION', `公文 ${d.number} 是已签订的责任书，不能作废；如确需作废，请先撤销签订。`);
      voidDocument(ctx.records, d.id, ctx.caller.username, input.reason);
      ctx.audit(`document:${d.number}`, { voided: input.reason });
      return view(mustDoc(ctx, d.id));
    },
  };
