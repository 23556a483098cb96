// `npm run test:fuses`: reads the fuses back from every packaged binary under release/ (or KAOPING_PACKAGED_APP)
// and fails on any that differs from build/electron-builder.yml; says plainly, in a banner nobody can miss, that it
// did not run where no package exists (as on a machine without the Electron binary).
import { expectedFuses, fuseMismatches, packagedBinaries, readFuses } from '../../../build/scripts/fuses.mjs';

const binaries = packagedBinaries();
if (binaries.length === 0) {
  const line = '!'.repeat(78);
  console.log(`\n${line}\n!! 熔断开关（fuses）回读检查没有运行：release/ 下没有打包好的程序。`);
  console.log('!! The fuses read-back check did NOT run: no packaged binary under release/.');
  console.log('!! 在能打包的机器上 npm run dist 后运行 npm run test:fuses，');
  console.log('!! 或设置 KAOPING_PACKAGED_APP 指向打包好的 kaoping / kaoping.exe。');
  console.log(`${line}\n`);
  process.exit(0);
}
const expected = await expectedFuses();
let failed = 0;
for (const binary of binaries) {
  const wrong = fuseMismatches(await readFuses(binary), expected);
  if (wrong.length === 0) console.log(`fuses ok: ${binary}（${Object.keys(expected).length} 项与配置一致）`);
  else {
    failed++;
    console.error(`fuses 不符：${binary}\n  ${wrong.join('\n  ')}`);
  }
}
console.log(failed ? `fuses：${failed} 个程序与配置不符` : `fuses：${binaries.length} 个程序全部与配置一致`);
process.exit(failed ? 1 : 0);
