import type { Readable } from 'node:stream';
import type { OpenedDb } from '../../db';
import { readSetting } from '../../db/repos/settings';
import { AppError, type Result, fail, ok } from '../contract';
import { type UploadKind, uploadKinds } from '../contract/upload-limits';
import type { AppServices } from './handler';
import { defaultSettings } from './handlers/settings';

export interface UploadRequest {
  kind: unknown;
  fileName: unknown;
  source: Readable;
  /** The size the sender announced (Content-Length), when it did. */
  declaredSize?: number;
}

/**
 * Takes in a file for a signed-in, unlocked user, with the same session checks as a call (dispatcher.ts); the
 * channel that then names the upload checks the role and the record as for any call.
 */
export async function receiveUpload(
  services: AppServices,
  opened: OpenedDb,
  now: number,
  sessionId: string | null | undefined,
  req: UploadRequest,
): Promise<Result<{ uploadId: string; size: number }>> {
  const refuse = (r: Result<never>) => {
    req.source.resume();
    return r;
  };
  if (typeof req.kind !== 'string' || !uploadKinds.includes(req.kind as UploadKind))
    return refuse(fail('INVALID_INPUT', '上传的文件类别不正确，请确认程序版本一致。'));
  const fileName = typeof req.fileName === 'string' ? req.fileName.trim() : '';
  if (!fileName || fileName.length > 200) return refuse(fail('INVALID_INPUT', '缺少文件名，或文件名超过 200 个字。'));
  const idleMs = readSetting(opened.db, 'idleLockMinutes', defaultSettings.idleLockMinutes) * 60_000;
  const session = services.sessions.resolve(sessionId, now, idleMs);
  if (!session) return refuse(fail('UNAUTHENTICATED', '尚未登录或登录已失效，请重新登录。'));
  if (session.locked) return refuse(fail('SCREEN_LOCKED', '屏幕已锁定，请输入密码解锁。'));
  if (session.mustChangePassword) return refuse(fail('FORBIDDEN', '请先修改初始密码，再进行其他操作。'));
  services.sessions.touch(session, now);
  try {
    const kind = req.kind as UploadKind;
    return ok(
      await services.uploads.receive(req.source, {
        kind,
        fileName,
        userId: session.userId,
        declaredSize: req.declaredSize,
      }),
    );
  } catch (e) {
    if (e instanceof AppError) return refuse(fail(e.code, e.message));
    throw e;
  }
}
