import { UPLOAD_LIMITS, type UploadKind, tooLargeMessage } from '../../electron/contract/labels';
import { ApiError, unwrap, uploadViaBridge, uploadViaHttp } from './client';

/**
 * Saves bytes the core produced (an export) through the browser's download, which Electron turns into a save dialog.
 */
export function downloadBase64(fileName: string, base64: string, mime = 'application/octet-stream'): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file sent as a file; channels name it by uploadId. */
export interface UploadedFile {
  fileName: string;
  uploadId: string;
}

/**
 * Sends a file the user picked as a file (not base64 in a call), checked first against the limit its button
 * states: the web host streams it to its upload endpoint, the desktop window hands the bytes over IPC.
 */
export async function uploadFile(kind: UploadKind, file: File): Promise<UploadedFile> {
  if (file.size > UPLOAD_LIMITS[kind].bytes)
    throw new ApiError({ code: 'TOO_LARGE', message: tooLargeMessage(kind, file.name) });
  if (file.size === 0) throw new ApiError({ code: 'INVALID_INPUT', message: `文件“${file.name}”是空的，未上传。` });
  const result = (await uploadViaBridge(kind, file)) ?? (await uploadViaHttp(kind, file));
  const { uploadId } = unwrap(result, 'upload') as { uploadId: string };
  return { fileName: file.name, uploadId };
}
