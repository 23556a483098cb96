import { CheckOutlined, EyeOutlined, PrinterOutlined, ReloadOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { call, errorMessage } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { FormModal } from '../../shared/FormModal';
import { SigningFields } from './SigningFields';
import { JobModal } from '../../shared/JobModal';
import { useAskText } from '../../shared/use-ask-text';
import { useJob } from '../../shared/use-job';
import { DocumentPreview, printDocuments } from './DocumentPreview';
import type { PlanDetail } from './IndicatorsTab';
import { SignManyModal } from './SignManyModal';

type Letter = ChannelOutput<'letters.list'>[number];

function status(l: Letter) {
  if (l.signedDate) return <Tag color="green">已签订 {l.signedDate}</Tag>;
  if (!l.documentId) return <Tag>未生成</Tag>;
  if (l.voided) return <Tag color="red">已作废</Tag>;
  if (l.stale) return <Tag color="orange">目标已修改，需重新生成</Tag>;
  return <Tag color="blue">已生成</Tag>;
}

/** Generated, in force, unsigned and printing what it would print now: a batch leaves it alone. */
const isCurrent = (l: Letter) => !!l.documentId && !l.voided && !l.stale && !l.signedDate;
/** A letter whose signing may be registered: generated, in force, unchanged since, unsigned. */
const signable = (l: Letter) => isCurrent(l) && l.blockers.length === 0;
/** A letter with a document in force (signed or not): it may be printed. */
const printable = (l: Letter) => !!l.documentId && !l.voided;

/** One letter per unit: generate (one or all, with progress and cancel), preview, open in Word/WPS, record signing. */
export function LettersTab({ detail }: { detail: PlanDetail }) {
  const { message, modal } = App.useApp();
  const planId = detail.plan.id;
  const letters = useCall('letters.list', { planId });
  const [generating, setGenerating] = useState<number | null>(null);
  const { job, pollError, ended, follow, cancel, close } = useJob();
  const [preview, setPreview] = useState<{ id: number; title: string } | null>(null);
  const [signing, setSigning] = useState<Letter | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [signingMany, setSigningMany] = useState(false);
  const can = useCan();
  const mayAct = can('letters.generate') && detail.rules.letters;
  const rows = letters.data ?? [];

  const reloadLetters = letters.reload;
  useEffect(() => {
    // once, when a batch ends: show the new numbers
    if (ended) reloadLetters();
  }, [ended, reloadLetters]);

  const generateOne = useAction('letters.generate', { done: (r) => `已生成 ${r.number}` });
  const generate = async (l: Letter) => {
    setGenerating(l.unitId);
    await generateOne.run({ planId, unitId: l.unitId });
    setGenerating(null);
  };

  const batch = () =>
    modal.confirm({
      title: '批量生成责任书',
      content:
        `将为 ${rows.filter((r) => !r.signedDate && !isCurrent(r)).length} 个单位生成责任书（未生成、已作废或目标已修改的），` +
        `${rows.filter(isCurrent).length} 份已是最新的跳过、文号不变；有新生成的，最后生成一份合订本供打印。可随时取消，已生成的保留。`,
      okText: '开始生成',
      cancelText: '取消',
      onOk: async () => {
        try {
          follow(await call('letters.batch', { planId }));
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  const askText = useAskText();
  const reissue = (l: Letter) =>
    askText({
      title: `重新印发${l.unitName}的责任书`,
      label: '重新印发原因',
      placeholder: `原因（必填，记入审计日志）；原文号 ${l.number} 将作废`,
      okText: '重新印发',
      danger: true,
      channel: 'letters.reissue',
      input: (reason) => ({ planId, unitId: l.unitId, reason }),
      done: `已重新印发，原文号 ${l.number} 已作废`,
    });
  const unsign = (l: Letter) =>
    askText({
      title: `撤销${l.unitName}的签订登记`,
      label: '撤销原因',
      placeholder: '撤销原因（必填，记入审计日志）',
      okText: '撤销签订',
      danger: true,
      channel: 'letters.unsign',
      input: (reason) => ({ planId, unitId: l.unitId, reason }),
      done: '已撤销签订，目标任务可再修改',
    });

  const blocked = rows.filter((r) => r.blockers.length).length;
  // in list order, whatever order they were ticked in
  const toSign = rows.filter((r) => selected.includes(r.unitId) && signable(r));
  const toPrint = rows.filter((r) => selected.includes(r.unitId) && printable(r));
  const signed = rows.filter((r) => r.signedDate).length;

  return (
    <div>
      {!detail.rules.letters && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={
            detail.plan.state === 'draft' ? '方案发布后才能生成和签订责任书。' : '当前方案状态下不能生成或签订责任书。'
          }
        />
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        {mayAct && (
          <Button type="primary" icon={<ThunderboltOutlined />} onClick={batch} disabled={rows.length === 0}>
            批量生成全部
          </Button>
        )}
        {mayAct && (
          <Button
            icon={<CheckOutlined />}
            disabled={toSign.length === 0}
            onClick={() => setSigningMany(true)}
            title="勾选已生成、未签订的责任书，一次登记签订"
          >
            登记签订{toSign.length ? `（已选 ${toSign.length} 个）` : '（请先勾选）'}
          </Button>
        )}
        {mayAct && (
          <Button
            icon={<PrinterOutlined />}
            disabled={toPrint.length === 0}
            data-testid="letters-print-batch"
            title="按列表顺序打印勾选的责任书，最前面附一页打印清单"
            onClick={() =>
              printDocuments(
                toPrint.map((l) => l.documentId!),
                message,
              ).catch((e: unknown) => message.error(errorMessage(e)))
            }
          >
            批量打印{toPrint.length ? `（${toPrint.length} 份）` : ''}
          </Button>
        )}
        <Typography.Text type="secondary">
          共 {rows.length} 个单位，已签订 {signed} 个{blocked ? `，${blocked} 个有问题不能生成` : ''}
        </Typography.Text>
      </Space>
      {letters.error && <Alert type="error" showIcon message={letters.error} />}
      <Table<Letter>
        size="small"
        rowKey="unitId"
        loading={letters.loading}
        dataSource={rows}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        rowSelection={
          mayAct
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as number[]),
                getCheckboxProps: (l) => ({
                  disabled: !signable(l) && !printable(l),
                  'aria-label': `选择${l.unitName}`,
                }),
              }
            : undefined
        }
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 180 },
          { title: '类别', dataIndex: 'categoryName', width: 110 },
          { title: '目标', dataIndex: 'targets', width: 60, align: 'right' },
          { title: '分值', dataIndex: 'points', width: 70, align: 'right' },
          {
            title: '负责人',
            dataIndex: 'head',
            width: 80,
            render: (h: string | null) => h ?? <Typography.Text type="warning">未设</Typography.Text>,
          },
          {
            title: '问题',
            render: (_, l) => (
              <Space size={4} wrap>
                {l.blockers.map((b) => (
                  <Tag color="red" key={b}>
                    {b}
                  </Tag>
                ))}
                {l.warnings.map((w) => (
                  <Tooltip title={w} key={w}>
                    <Tag color="orange">{w.length > 16 ? `${w.slice(0, 16)}…` : w}</Tag>
                  </Tooltip>
                ))}
              </Space>
            ),
          },
          { title: '文号', dataIndex: 'number', width: 170 },
          { title: '状态', width: 170, render: (_, l) => status(l) },
          {
            title: '操作',
            width: 300,
            render: (_, l) => (
              <Space size={0} wrap>
                {mayAct && !l.signedDate && !isCurrent(l) && (
                  <Button
                    size="small"
                    type="link"
                    icon={<ReloadOutlined />}
                    loading={generating === l.unitId}
                    disabled={l.blockers.length > 0}
                    onClick={() => generate(l)}
                  >
                    {l.documentId && !l.voided ? '重新生成' : '生成'}
                  </Button>
                )}
                {mayAct && isCurrent(l) && (
                  <Button size="small" type="link" onClick={() => reissue(l)}>
                    重新印发
                  </Button>
                )}
                {l.documentId && !l.voided && (
                  <>
                    <Button
                      size="small"
                      type="link"
                      icon={<EyeOutlined />}
                      onClick={() => setPreview({ id: l.documentId!, title: `${l.unitName} · ${l.number}` })}
                    >
                      预览
                    </Button>
                    <Button
                      size="small"
                      type="link"
                      icon={<PrinterOutlined />}
                      onClick={() =>
                        printDocuments([l.documentId!], message).catch((e: unknown) => message.error(errorMessage(e)))
                      }
                    >
                      打印
                    </Button>
                  </>
                )}
                {mayAct && l.documentId && !l.voided && !l.signedDate && (
                  <Button
                    size="small"
                    type="link"
                    icon={<CheckOutlined />}
                    disabled={l.stale}
                    onClick={() => setSigning(l)}
                  >
                    登记签订
                  </Button>
                )}
                {mayAct && l.signedDate && (
                  <Button size="small" type="link" danger onClick={() => unsign(l)}>
                    撤销签订
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {job && (
        <JobModal
          job={job}
          title="批量生成责任书"
          itemLabel="单位"
          skippedNote="已是最新，未重新生成"
          pollError={pollError}
          outcome={{
            running: '正在生成…',
            done: '生成完成',
            cancelled: '已取消（已生成的责任书保留）',
            failed: '已停止',
          }}
          extra={
            job.documentId && (
              <Button
                type="primary"
                onClick={() => setPreview({ id: job.documentId!, title: job.fileName ?? '合订本' })}
              >
                查看合订本
              </Button>
            )
          }
          onCancel={() => cancel().catch((e: unknown) => message.error(errorMessage(e)))}
          onClose={() => {
            close();
            letters.reload();
          }}
        />
      )}
      {preview && <DocumentPreview id={preview.id} title={preview.title} onClose={() => setPreview(null)} />}
      {signingMany && (
        <SignManyModal
          planId={planId}
          letters={toSign}
          onClose={(failed) => {
            setSigningMany(false);
            setSelected(failed.map((f) => f.unitId));
          }}
        />
      )}
      {signing && (
        <SignModal planId={planId} letter={signing} onClose={() => setSigning(null)} onDone={() => setSigning(null)} />
      )}
    </div>
  );
}

function SignModal({
  planId,
  letter,
  onClose,
  onDone,
}: {
  planId: number;
  letter: Letter;
  onClose(): void;
  onDone(): void;
}) {
  const [form] = Form.useForm();
  const sign = useAction('letters.sign', { form, done: `${letter.unitName}的责任书已登记签订，目标任务已冻结` });
  const submit = async () => {
    const v = (await form.validateFields()) as { signedDate: Dayjs; partyASigner: string; partyBSigner: string };
    const signedDate = v.signedDate.format('YYYY-MM-DD');
    const { partyASigner, partyBSigner } = v;
    const signed = await sign.run({ planId, unitId: letter.unitId, signedDate, partyASigner, partyBSigner });
    if (signed) onDone();
  };
  return (
    <FormModal
      title={`登记签订：${letter.unitName}`}
      okText="登记签订"
      busy={sign.busy}
      onOk={submit}
      onClose={onClose}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        message="登记后该单位的目标任务冻结，不能再修改（可撤销签订）。"
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ signedDate: dayjs(), partyBSigner: letter.head ?? undefined }}
      >
        <SigningFields />
        <Form.Item
          name="partyBSigner"
          label="乙方签字人"
          rules={[
            { required: true, message: '请填写乙方签字人' },
            { max: 30, message: '不能超过 30 个字' },
          ]}
        >
          <Input />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
