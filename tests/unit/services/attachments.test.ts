import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MAX_ATTACHMENT_BYTES,
  attachmentPath,
  listAttachments,
  readAttachment,
  storeAttachment,
} from '../../../electron/services/attachments';
import { tempDir } from '../../support/tmp';

let t: ReturnType<typeof tempDir>;
afterEach(() => t?.cleanup());

describe('evidence attachments, stored by content', () => {
  it('keeps any file as it is, once per content, and reads it back verified', () => {
    t = tempDir();
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10]);
    const a = storeAttachment(t.dir, bytes, '进展佐证.pdf');
    const b = storeAttachment(t.dir, Buffer.from(bytes), '同一文件另存.pdf');
    expect(b).toEqual(a);
    expect(listAttachments(t.dir)).toHaveLength(1);
    expect(readAttachment(t.dir, a.sha256, '进展佐证.pdf').equals(bytes)).toBe(true);
  });

  it('refuses an empty file and one over the limit, saying which and why', () => {
    t = tempDir();
    expect(() => storeAttachment(t.dir, Buffer.alloc(0), '空.docx')).toThrow('附件“空.docx”是空文件，未保存。');
    expect(() => storeAttachment(t.dir, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1), '录像.mp4')).toThrow(
      /附件“录像.mp4”有 50.0 MB，超过 50 MB 的上限/,
    );
    expect(listAttachments(t.dir)).toEqual([]);
  });

  it('detects bytes altered on disk, and heals the store when the same content is saved again', () => {
    t = tempDir();
    const { sha256 } = storeAttachment(t.dir, Buffer.from('季度进展报告佐证材料'), '佐证.txt');
    fs.writeFileSync(attachmentPath(t.dir, sha256), '被改过的内容');
    expect(() => readAttachment(t.dir, sha256, '佐证.txt')).toThrow(
      '附件“佐证.txt”的内容与保存时不一致，可能已被改动或损坏，已拒绝打开；请从备份恢复。',
    );
    storeAttachment(t.dir, Buffer.from('季度进展报告佐证材料'), '佐证.txt');
    expect(readAttachment(t.dir, sha256, '佐证.txt').toString()).toBe('季度进展报告佐证材料');
    fs.rmSync(attachmentPath(t.dir, sha256));
    expect(() => readAttachment(t.dir, sha256, '佐证.txt')).toThrow('不在数据文件夹中');
  });
});
