import { noticeLifecycle, stateAfter } from '../../core';
import { answeredElsewhere, markRectificationDone, reportedElsewhere, setNoticeState } from '../../../db/repos/notices';
import type { HandlerContext } from '../handler';

/**
 * After a package is imported: the replies the units wrote on their own PCs (or a lower office to this one's
 * notices) came with it, and each notice of this installation they answer is recorded replied — what notices.reply
 * does at once when the reply is written here. Each is a line in the audit trail of the import.
 */
export function recordArrivedReplies(ctx: HandlerContext): number {
  const to = stateAfter(noticeLifecycle, 'reply');
  const answered = answeredElsewhere(ctx.sqlite);
  for (const n of answered) {
    setNoticeState(ctx.records, n.id, to);
    ctx.auditEach(`notice:${n.number ?? n.id}`, { replied: 'exchange' });
  }
  return answered.length;
}

/** The same for rectification items the units reported done from their own PCs: recorded done, as rectify.done does. */
export function recordArrivedRectifications(ctx: HandlerContext): number {
  const done = reportedElsewhere(ctx.sqlite);
  for (const r of done) {
    markRectificationDone(ctx.records, r.id, r.doneOn, r.note);
    ctx.auditEach(`rectification:${r.id}`, { done: r.doneOn, via: 'exchange' });
  }
  return done.length;
}
