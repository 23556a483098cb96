import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedDataDir, PORTABLE_DATA_FOLDER, portableDataDir } from '../../../electron/services/data-dir';
import { tempDir } from '../../support/tmp';

describe('a portable copy keeps its data beside the program', () => {
  it("uses the folder of Windows' portable .exe, not the temporary folder it unpacks to", () => {
    const env = { PORTABLE_EXECUTABLE_DIR: 'E:\\考评便携版' };
    const exe = 'C:\\Users\\a\\AppData\\Local\\Temp\\2abc\\kaoping.exe';
    expect(portableDataDir(exe, env)).toBe(path.join('E:\\考评便携版', PORTABLE_DATA_FOLDER));
  });

  it('makes an unpacked folder or an AppImage portable with a marker file beside it', () => {
    const t = tempDir();
    try {
      const exe = path.join(t.dir, 'kaoping');
      expect(portableDataDir(exe, {})).toBeNull();
      fs.writeFileSync(path.join(t.dir, 'portable.txt'), '');
      expect(portableDataDir(exe, {})).toBe(path.join(t.dir, PORTABLE_DATA_FOLDER));
      // an AppImage runs from a mount; its own file names the folder on the stick
      const appImage = path.join(t.dir, 'Kaoping-0.1.0.AppImage');
      expect(portableDataDir('/tmp/.mount_Kaopin/kaoping', { APPIMAGE: appImage })).toBe(
        path.join(t.dir, PORTABLE_DATA_FOLDER),
      );
    } finally {
      t.cleanup();
    }
  });

  it('yields to --data-dir and KAOPING_DATA_DIR; an installed copy keeps the user-data folder', () => {
    const env = { PORTABLE_EXECUTABLE_DIR: '/stick' };
    expect(installedDataDir(['kaoping', '--data-dir', '/d'], env, '/x/kaoping', '/home/a/.config/Kaoping')).toBe(
      path.resolve('/d'),
    );
    expect(installedDataDir([], { ...env, KAOPING_DATA_DIR: '/e' }, '/x/kaoping', '/u')).toBe(path.resolve('/e'));
    expect(installedDataDir([], env, '/x/kaoping', '/u')).toBe(path.join('/stick', PORTABLE_DATA_FOLDER));
    expect(installedDataDir([], {}, '/opt/Kaoping/kaoping', '/u')).toBe('/u');
  });
});
