// `npm start` runs this first, before anything is compiled: without the Electron binary the rest would build for
// minutes and then die in the electron package with an English stack trace.
import { electronBinary } from './electron-binary.mjs';

const found = electronBinary();
if ('missing' in found) {
  console.error(`无法启动桌面程序：${found.missing}。

可以这样做：
  1. 用浏览器模式（不需要 Electron）：npm run web ，再用本机浏览器打开终端里打印的地址。
  2. 在能联网的机器上 npm install（electron 包会下载 Electron 可执行文件），再 npm start。
  3. 离线：把与 node_modules/electron/package.json 版本一致的 Electron 发布包（如 electron-v45.5.0-linux-x64.zip）
     解压到一个目录，设置环境变量 ELECTRON_OVERRIDE_DIST_PATH 指向该目录后再 npm start。
详见 README“没有 Electron 可执行文件的机器”与 build/PACKAGING.md。`);
  process.exit(1);
}
