import { AppError } from '../../contract';

/** Turns a file-system failure into a Chinese message that says what happened and that data is safe. */
export function storageError(e: unknown, what: string, where: string): AppError {
  if (e instanceof AppError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const safe = '当前数据没有受到影响。';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError(
        'STORAGE',
        `磁盘空间不足，${what}未完成，已删除未写完的文件。${safe}请清理“${where}”所在磁盘或换一个位置后重试。`,
      );
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError('STORAGE', `没有权限写入“${where}”（或该位置只读），${what}未完成。${safe}`);
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppError('STORAGE', `位置“${where}”不存在（U 盘是否已拔出？），${what}未完成。${safe}`);
    case 'EIO':
      return new AppError('STORAGE', `读写“${where}”时发生硬件错误，${what}未完成。${safe}请检查磁盘或 U 盘。`);
    default:
      return new AppError('STORAGE', `${what}未完成：${(e as Error).message}。${safe}`);
  }
}
