import { z } from 'zod';
import { channel } from '../channel';
import { fileFields, noInput, oneFile, oneFileError } from '../limits';
import { importResult } from './org';

/**
 * Excel import of 审计、移送、联席会议 (#18), as complaints.import*: a dry run, the file with its errors marked, the
 * import (all or nothing; repeats shown and skipped) and the template.
 */

const importFile = z.strictObject(fileFields('excel')).refine(oneFile, oneFileError);
const fileOut = z.object({ fileName: z.string(), base64: z.string() });
const writers = ['evaluator'] as const;

function importSet(label: string, shown: string[]) {
  return {
    preview: channel({
      title: `预览${label}导入`,
      input: importFile,
      output: importResult,
      roles: writers,
      writes: false,
    }),
    commit: channel({
      title: `导入${label}`,
      input: importFile,
      output: importResult,
      roles: writers,
      writes: true,
      refreshes: shown,
    }),
    errors: channel({
      title: `下载标注错误的${label}文件`,
      input: importFile,
      output: fileOut,
      roles: writers,
      writes: false,
    }),
    template: channel({
      title: `下载${label}导入模板`,
      input: noInput,
      output: fileOut,
      roles: writers,
      writes: false,
    }),
  };
}

const audits = importSet('审计发现', ['audits.list', 'rectify.list', 'board.list']);
const transfers = importSet('移送处理', ['transfers.list', 'board.list']);
const meetings = importSet('联席会议', ['meetings.list', 'rectify.list', 'board.list']);

export const registerImportsChannels = {
  'audits.importPreview': audits.preview,
  'audits.import': audits.commit,
  'audits.importErrors': audits.errors,
  'audits.template': audits.template,
  'transfers.importPreview': transfers.preview,
  'transfers.import': transfers.commit,
  'transfers.importErrors': transfers.errors,
  'transfers.template': transfers.template,
  'meetings.importPreview': meetings.preview,
  'meetings.import': meetings.commit,
  'meetings.importErrors': meetings.errors,
  'meetings.template': meetings.template,
};
