import fs from 'node:fs';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { UPLOADS_PER_USER, UPLOAD_TTL_MS, UploadStore } from '../../../electron/services/uploads';
import { tempDir } from '../../support/tmp';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function store() {
  const t = tempDir('kaoping-uploads-');
  cleanup = t.cleanup;
  let now = 1_767_225_600_000;
  const s = new UploadStore(t.dir, () => now);
  return { s, later: (ms: number) => (now += ms) };
}

const gone = { code: 'NOT_FOUND', message: '上传的文件已过期或不存在，请重新选择文件。' };
const send = (s: UploadStore, userId: number, text = '内容', kind: 'excel' | 'attachment' = 'excel') =>
  s.receive(Readable.from([Buffer.from(text)]), { kind, fileName: 'a.xlsx', userId });

describe('the upload store', () => {
  it('gives a file back to its uploader, as the kind it was sent as, and to no one else', async () => {
    const { s } = store();
    const { uploadId, size } = await send(s, 1);
    expect(size).toBe(6);
    expect(s.bytes(uploadId, 1, 'excel').toString()).toBe('内容');
    expect(() => s.bytes(uploadId, 2, 'excel')).toThrow(expect.objectContaining(gone));
    expect(() => s.bytes(uploadId, 1, 'attachment')).toThrow(expect.objectContaining(gone));
  });

  it('forgets a file after two hours, and a user’s oldest beyond ten', async () => {
    const { s, later } = store();
    const old = await send(s, 1);
    later(UPLOAD_TTL_MS + 1);
    expect(() => s.bytes(old.uploadId, 1, 'excel')).toThrow(expect.objectContaining(gone));
    const ids: string[] = [];
    for (let i = 0; i <= UPLOADS_PER_USER; i++) ids.push((await send(s, 1, `第${i}份`)).uploadId);
    const other = await send(s, 2);
    expect(() => s.bytes(ids[0]!, 1, 'excel')).toThrow(expect.objectContaining(gone));
    expect(s.bytes(ids[1]!, 1, 'excel').toString()).toBe('第1份');
    expect(s.bytes(other.uploadId, 2, 'excel').toString()).toBe('内容');
    expect(fs.readdirSync(s.dir)).toHaveLength(UPLOADS_PER_USER + 1);
  });

  it('refuses an empty file and keeps nothing; clear removes the folder', async () => {
    const { s } = store();
    await expect(send(s, 1, '')).rejects.toMatchObject({ message: '文件“a.xlsx”是空的，未接收。' });
    expect(fs.readdirSync(s.dir)).toEqual([]);
    await send(s, 1);
    s.clear();
    expect(fs.existsSync(s.dir)).toBe(false);
  });
});
