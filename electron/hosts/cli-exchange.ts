import path from 'node:path';
import type { ChannelName, ChannelOutput, Result } from '../contract';
import type { CallOptions } from '../services/app';
import type { Step } from '../services/steps';
import { type ParsedArgs, flagString } from './args';

type Call = (channel: ChannelName, input: unknown, opts?: CallOptions) => Promise<Result<unknown>>;
interface Out {
  out(text: string): void;
  err(text: string): void;
}

export const EXCHANGE_USAGE = `  kaoping exchange nodes --as <用户>                 列出本机和上下级节点及其密钥指纹
  kaoping exchange register export --dir <U盘目录> --as <用户>
                                                     导出本机注册文件（交给上级或下级导入），并显示指纹
  kaoping exchange register import <注册文件> --relation parent|child --fingerprint <与对方核对的指纹> --as <用户>
                                                     核对指纹后信任对方（parent 上级，child 下级）
  kaoping exchange export --to <节点名称或编号> --dir <U盘目录> --as <用户>
                                                     导出发给该节点的数据包（写入后读回校验）
  kaoping exchange verify <数据包> --as <用户>       逐项检查数据包并试导入（不写入）
  kaoping exchange import <数据包> [--commit] [--receipt-dir 目录] --as <用户>
                                                     默认只试导入；加 --commit 才导入，并把回执写到数据包所在目录
  kaoping exchange keys replace --dir <U盘目录> [--compromised] --yes --as <管理员>
                                                     更换本机密钥，新注册文件写到该目录（交给上下级重新导入并核对指纹）；
                                                     密钥可能泄露时加 --compromised：旧密钥被吊销，另写出吊销文件（.kprev）
  kaoping exchange revocation import <吊销文件> --as <用户>
                                                     导入上级或下级的吊销文件，用那把密钥签名的数据包今后一律拒收
  kaoping exchange revoke --node <节点名称或编号> --yes --as <管理员>
                                                     对方电脑遗失、无法交来吊销文件时，在本机直接吊销它的密钥
  kaoping exchange receipts --as <用户>              已发数据包的回执情况，以及各节点最近一次发来数据的时间`;

type Outcome = ChannelOutput<'exchange.import'>;
type Overview = ChannelOutput<'exchange.overview'>;

const when = (ms: number) => new Date(ms).toLocaleString('zh-CN', { hour12: false });

function fail(io: Out, r: Extract<Result<unknown>, { ok: false }>): number {
  io.err(`失败（${r.error.code}）：${r.error.message}`);
  for (const f of r.error.fields ?? []) io.err(`  ${f.path || '(整体)'}：${f.message}`);
  return 1;
}

function printOutcome(io: Out, o: Outcome): void {
  if (o.header) {
    const h = o.header;
    io.out(
      `数据包：${h.kind === 'receipt' ? '回执' : '数据'}，来自“${h.fromName}”，第 ${h.seq} 号，${when(h.createdAt)} 导出`,
    );
    if (h.audit) io.out(`对方审计日志：第 ${h.audit.seq} 条，校验值 ${h.audit.hash.slice(0, 16)}`);
  }
  for (const [t, c] of Object.entries(o.summary.byTable))
    io.out(`  ${t}：新增 ${c.created}，更新 ${c.updated}，不变 ${c.unchanged}，冲突 ${c.conflicts}，错误 ${c.errors}`);
  for (const e of o.summary.errors) io.out(`错误：${e.table} ${e.uuid} 字段“${e.field}”：${e.message}`);
  for (const c of o.summary.conflicts) io.out(`冲突：${c.table} ${c.uuid}：${c.message}`);
  if (o.gap > 0) io.out(`注意：在这个数据包之前还缺少对方的 ${o.gap} 个数据包`);
  const line = o.stageLabel ? `【${o.stageLabel}】${o.message}` : o.message;
  if (o.status === 'refused') io.err(`拒收${line}`);
  else io.out(line);
  if (o.receiptFile) io.out(`回执已写到：${o.receiptFile}（请带回给对方导入）`);
}

/**
 * A package written or read from the command line: its steps on stderr (each phase, then every two seconds), and
 * Ctrl+C as the cancel — the work stops between steps and keeps nothing of the package.
 */
async function long(io: Out, run: (opts: CallOptions) => Promise<Result<unknown>>): Promise<Result<unknown>> {
  const stop = new AbortController();
  const interrupt = () => {
    io.err('正在取消（本次不保存任何内容）…');
    stop.abort();
  };
  let said = { phase: '', at: 0 };
  const progress = (s: Step) => {
    const now = Date.now();
    if (s.phase === said.phase && now - said.at < 2000) return;
    said = { phase: s.phase, at: now };
    io.err(`  ${s.phase}：${s.done} / ${s.total}`);
  };
  process.on('SIGINT', interrupt);
  try {
    return await run({ signal: stop.signal, progress });
  } finally {
    process.off('SIGINT', interrupt);
  }
}

async function overview(call: Call, io: Out): Promise<Overview | null> {
  const r = await call('exchange.overview', {});
  if (!r.ok) {
    fail(io, r);
    return null;
  }
  return r.value as Overview;
}

/** `exchange …`: the job to run once signed in, or null for a usage error. */
export function exchangeCommand(args: ParsedArgs, io: Out): ((call: Call) => Promise<number>) | null {
  const [, sub, a2, a3] = args.positional;
  if (sub === 'nodes')
    return async (call) => {
      const v = await overview(call, io);
      if (!v) return 1;
      io.out(`本机：${v.self.name}（${v.self.nodeId}） 指纹 ${v.self.fingerprint}`);
      for (const n of v.nodes)
        io.out(
          `${n.relation === 'parent' ? '上级' : '下级'}：${n.name}（${n.id}） 指纹 ${n.fingerprint ?? '无'} ${n.keyStatus}`,
        );
      return 0;
    };
  if (sub === 'register' && a2 === 'export') {
    const dir = flagString(args, 'dir');
    if (!dir) return null;
    return async (call) => {
      const r = await call('exchange.registrationExport', { dir });
      if (!r.ok) return fail(io, r);
      const v = r.value as { file: string; fingerprint: string };
      io.out(`注册文件：${v.file}`);
      io.out(`本机指纹：${v.fingerprint}（请对方导入后与此核对）`);
      return 0;
    };
  }
  if (sub === 'register' && a2 === 'import' && a3) {
    const relation = flagString(args, 'relation');
    const fingerprint = flagString(args, 'fingerprint');
    return async (call) => {
      const i = await call('exchange.registrationInspect', { file: a3 });
      if (!i.ok) return fail(io, i);
      const v = i.value as ChannelOutput<'exchange.registrationInspect'>;
      io.out(`注册文件：“${v.name}”（${v.nodeId}） 指纹 ${v.fingerprint}`);
      if (!relation || !fingerprint) {
        io.err('请与对方办公室（电话或纸面）核对指纹后，加 --relation parent|child --fingerprint <指纹> 再运行。');
        return 2;
      }
      const r = await call('exchange.registrationAccept', { file: a3, relation, fingerprint });
      if (!r.ok) return fail(io, r);
      io.out(`已信任“${v.name}”为${relation === 'parent' ? '上级' : '下级'}。`);
      return 0;
    };
  }
  if (sub === 'keys' && a2 === 'replace') {
    const dir = flagString(args, 'dir');
    if (!dir) return null;
    const compromised = args.flags.has('compromised');
    return async (call) => {
      if (!args.flags.has('yes')) {
        io.err('更换后旧密钥随即停用，上下级须重新导入注册文件并核对指纹。确认请加 --yes 再运行。');
        return 2;
      }
      const r = await call('exchange.replaceKeys', { dir, compromised, confirm: true });
      if (!r.ok) return fail(io, r);
      const v = r.value as ChannelOutput<'exchange.replaceKeys'>;
      io.out(`本机已更换密钥。旧指纹 ${v.old}，新指纹 ${v.fingerprint}`);
      io.out(`新注册文件：${v.file}（交给上级和下级导入，并与对方核对新指纹）`);
      if (v.revocationFile) io.out(`吊销文件：${v.revocationFile}（交给上级和下级导入，旧密钥即被拒收）`);
      return 0;
    };
  }
  if (sub === 'revocation' && a2 === 'import' && a3)
    return async (call) => {
      const r = await call('exchange.revocationImport', { file: a3 });
      if (!r.ok) return fail(io, r);
      const v = r.value as ChannelOutput<'exchange.revocationImport'>;
      io.out(
        v.revoked
          ? `已吊销“${v.name}”的密钥 ${v.fingerprint}：用它签名的数据包今后一律拒收。`
          : `“${v.name}”的密钥 ${v.fingerprint} 早已吊销，未做改动。`,
      );
      return 0;
    };
  if (sub === 'revoke') {
    const node = flagString(args, 'node');
    if (!node) return null;
    return async (call) => {
      if (!args.flags.has('yes')) {
        io.err('吊销后，用这把密钥签名的数据包一律拒收，对方须更换密钥后重新交来注册文件。确认请加 --yes 再运行。');
        return 2;
      }
      const v = await overview(call, io);
      if (!v) return 1;
      const n = v.nodes.find((x) => x.id === node || x.name === node);
      if (!n) {
        io.err(`没有名为或编号为“${node}”的上级或下级节点（见 kaoping exchange nodes）。`);
        return 1;
      }
      const r = await call('exchange.revoke', { nodeId: n.id, confirm: true });
      if (!r.ok) return fail(io, r);
      io.out(`已吊销“${n.name}”的密钥：用它签名的数据包今后一律拒收。`);
      return 0;
    };
  }
  if (sub === 'export') {
    const to = flagString(args, 'to');
    const dir = flagString(args, 'dir');
    if (!to || !dir) return null;
    return async (call) => {
      const v = await overview(call, io);
      if (!v) return 1;
      const node = v.nodes.find((n) => n.id === to || n.name === to);
      if (!node) {
        io.err(`没有名为或编号为“${to}”的上级或下级节点（见 kaoping exchange nodes）。`);
        return 1;
      }
      const r = await long(io, (o) => call('exchange.export', { nodeId: node.id, dir }, o));
      if (!r.ok) return fail(io, r);
      const w = r.value as ChannelOutput<'exchange.export'>;
      const parts = Object.entries(w.contents).map(([t, n]) => `${t} ${n}`);
      io.out(`已导出并校验：${w.file}`);
      io.out(
        `发给“${node.name}”第 ${w.seq} 号：${parts.join('，') || '没有新的记录'}；文件 ${w.files} 个，${w.sizeBytes} 字节`,
      );
      return 0;
    };
  }
  if ((sub === 'verify' || sub === 'import') && a2) {
    const commit = sub === 'import' && args.flags.has('commit');
    const receiptDir = flagString(args, 'receipt-dir');
    return async (call) => {
      const r = await long(io, (o) =>
        commit
          ? call('exchange.import', { file: a2, confirm: true, ...(receiptDir ? { receiptDir } : {}) }, o)
          : call('exchange.inspect', { file: a2 }, o),
      );
      if (!r.ok) return fail(io, r);
      const o = r.value as Outcome;
      printOutcome(io, o);
      if (!commit && o.status === 'checked')
        io.out(`以上为试导入，未写入。确认无误后：kaoping exchange import ${path.basename(a2)} --commit`);
      return o.status === 'refused' ? 1 : 0;
    };
  }
  if (sub === 'receipts')
    return async (call) => {
      const v = await overview(call, io);
      if (!v) return 1;
      const names = new Map(v.nodes.map((n) => [n.id, n.name]));
      for (const n of v.nodes) {
        const got = n.lastReceived
          ? `最近收到第 ${n.lastReceived.seq} 号（${when(n.lastReceived.at)}）`
          : '从未收到数据';
        io.out(`${n.name}：${got}；待回执 ${n.awaitingReceipt} 个`);
      }
      for (const p of v.packages.filter((x) => x.direction === 'out' && x.kind === 'data')) {
        const state = p.receiptAt
          ? `${p.receiptStatus === 'accepted' ? '已接收' : '已拒收'}（${when(p.receiptAt)}）`
          : '未收到回执';
        io.out(`发给 ${names.get(p.peerNode) ?? p.peerName} 第 ${p.seq} 号（${when(p.at)}）：${state}`);
      }
      return 0;
    };
  return null;
}
