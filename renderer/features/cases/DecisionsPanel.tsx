import { App, Button, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  appealKindLabels,
  appealKinds,
  appealOutcomeLabels,
  appealOutcomes,
  decisionStateLabels,
} from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { FormModal } from '../../shared/FormModal';
import { useAskText } from '../../shared/use-ask-text';
import { openDocument } from '../plans/DocumentPreview';
import type { CaseView } from './CaseDrawer';

type Decision = CaseView['decisions'][number];
type Appeal = CaseView['appeals'][number];
const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');

/** The forms of the table in force (问责方式及影响期), for the decision's picker. */
function useForms() {
  const tables = useCall('rule-tables.list', {});
  const t = tables.data?.find((x) => x.kind === 'accountability_forms' && x.own);
  const got = useCall('rule-tables.get', { id: t?.id ?? 1 }, { enabled: !!t });
  return (got.data?.version.rows ?? []).map((r) => ({ form: String(r.form), applies: String(r.applies) }));
}

/** The decisions: made with their document, served (the clocks start), appealed, answered by a 复查, carried out. */
export function DecisionsPanel({ c }: { c: CaseView }) {
  const can = useCan();
  const { message } = App.useApp();
  const askText = useAskText();
  const [issuing, setIssuing] = useState(false);
  const [serving, setServing] = useState<Decision | null>(null);
  const [appealing, setAppealing] = useState<Decision | null>(null);
  const [answering, setAnswering] = useState<Appeal | null>(null);
  const executed = useAction('decisions.executed', { done: '已登记执行情况' });
  const remove = useAction('decisions.remove', { done: '未送达的决定已撤回，文号作废' });
  const revoke = (d: Decision) =>
    askText({
      title: `撤销问责决定 ${d.number}`,
      label: '撤销理由',
      placeholder: '撤销理由（必填）',
      okText: '撤销',
      danger: true,
      channel: 'decisions.revoke',
      input: (reason) => ({ id: d.id, reason }),
      done: '问责决定已撤销',
    });
  const subjectName = (id: number) => c.subjects.find((s) => s.id === id)?.name ?? '';
  const decisionOpen = c.actions.includes('decide');
  return (
    <div>
      <Space style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          问责决定
        </Typography.Title>
        {decisionOpen && can('decisions.issue') && (
          <Button size="small" type="primary" onClick={() => setIssuing(true)}>
            作出问责决定
          </Button>
        )}
      </Space>
      <Table<Decision>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={c.decisions}
        columns={[
          {
            title: '文号',
            width: 170,
            render: (_, d) => (
              <Button size="small" type="link" onClick={() => void openDocument(d.documentId, message)}>
                {d.number}
              </Button>
            ),
          },
          { title: '对象', width: 90, render: (_, d) => subjectName(d.subjectId) },
          { title: '问责方式', render: (_, d) => d.forms.join('、') },
          {
            title: '状态与期限',
            width: 260,
            render: (_, d) => (
              <Space direction="vertical" size={0}>
                <Tag color={d.state === 'served' ? 'green' : d.state === 'made' ? 'purple' : 'default'}>
                  {decisionStateLabels[d.state]}
                </Tag>
                {d.servedOn && (
                  <span>
                    送达 {d.servedOn}，申诉期至 {d.appealBy}
                  </span>
                )}
                {d.executionBy && (
                  <span>
                    执行报告期限 {d.executionBy}
                    {d.executionReportedOn ? `（${d.executionReportedOn} 已报告）` : ''}
                  </span>
                )}
                {d.effects
                  .filter((e) => e.effectUntil)
                  .map((e) => (
                    <span key={e.form}>
                      {e.form}影响期至 {e.effectUntil}
                    </span>
                  ))}
                <Typography.Text type="secondary">{d.rules.join('；')}</Typography.Text>
                {d.revokeReason && <Typography.Text type="secondary">{d.revokeReason}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '操作',
            width: 200,
            render: (_, d) => (
              <Space size={0} wrap>
                {d.serviceDocumentId && (
                  <Button size="small" type="link" onClick={() => void openDocument(d.serviceDocumentId!, message)}>
                    送达回证
                  </Button>
                )}
                {d.state === 'made' && can('decisions.serve') && (
                  <Button size="small" type="link" onClick={() => setServing(d)}>
                    送达
                  </Button>
                )}
                {d.state === 'made' && can('decisions.remove') && (
                  <Button size="small" type="link" danger onClick={() => void remove.run({ id: d.id })}>
                    撤回
                  </Button>
                )}
                {d.state === 'served' && can('appeals.register') && (
                  <Button size="small" type="link" onClick={() => setAppealing(d)}>
                    登记申诉
                  </Button>
                )}
                {d.state === 'served' && !d.executionReportedOn && can('decisions.executed') && (
                  <Button size="small" type="link" onClick={() => void executed.run({ id: d.id, on: day(dayjs()) })}>
                    登记执行
                  </Button>
                )}
                {(d.state === 'served' || d.state === 'made') && can('decisions.revoke') && (
                  <Button size="small" type="link" danger onClick={() => revoke(d)}>
                    撤销
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {c.appeals.length > 0 && (
        <Table<Appeal>
          style={{ marginTop: 12 }}
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={c.appeals}
          columns={[
            { title: '申诉/复核', width: 90, render: (_, a) => appealKindLabels[a.kind] },
            {
              title: '收到',
              width: 170,
              render: (_, a) => (
                <Space size={4}>
                  {a.receivedOn}
                  {a.late && <Tag color="red">逾期申诉</Tag>}
                </Space>
              ),
            },
            { title: '理由', dataIndex: 'grounds', ellipsis: true },
            { title: '答复期限', dataIndex: 'answerBy', width: 110 },
            {
              title: '复查决定',
              width: 200,
              render: (_, a) =>
                a.outcome ? (
                  `${appealOutcomeLabels[a.outcome]}（${a.outcomeOn}）`
                ) : can('appeals.answer') ? (
                  <Button size="small" type="link" onClick={() => setAnswering(a)}>
                    作出复查决定
                  </Button>
                ) : (
                  '待复查'
                ),
            },
          ]}
        />
      )}
      {issuing && <IssueDecision c={c} onClose={() => setIssuing(false)} />}
      {serving && <Serve d={serving} onClose={() => setServing(null)} />}
      {appealing && <RegisterAppeal d={appealing} onClose={() => setAppealing(null)} />}
      {answering && <AnswerAppeal a={answering} onClose={() => setAnswering(null)} />}
    </div>
  );
}

function FormsSelect(props: { value?: string[]; onChange?(v: string[]): void; applies?: string }) {
  const forms = useForms();
  return (
    <Select
      mode="multiple"
      aria-label="问责方式"
      value={props.value}
      onChange={props.onChange}
      options={forms
        .filter((f) => !props.applies || f.applies === props.applies)
        .map((f) => ({ value: f.form, label: f.form }))}
    />
  );
}

function IssueDecision({ c, onClose }: { c: CaseView; onClose(): void }) {
  const [form] = Form.useForm();
  const issue = useAction('decisions.issue', {
    form,
    done: (v) => `问责决定书 ${v.decisions.at(-1)?.number ?? ''} 已生成`,
  });
  const subjectId = Form.useWatch('subjectId', form) as number | undefined;
  const subject = c.subjects.find((s) => s.id === subjectId);
  const ok = async () => {
    const v = (await form.validateFields()) as {
      subjectId: number;
      forms?: string[];
      facts: string;
      basis?: string;
      body?: string;
      appealTo: string;
    };
    const r = await issue.run({
      caseId: c.id,
      subjectId: v.subjectId,
      forms: v.forms ?? [],
      facts: v.facts ?? '',
      basis: v.basis ?? '',
      body: v.body ?? '',
      appealTo: v.appealTo,
    });
    if (r) onClose();
  };
  return (
    <FormModal
      title="作出问责决定"
      okText="生成问责决定书"
      width={640}
      busy={issue.busy}
      onOk={() => void ok()}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ facts: c.facts, subjectId: c.subjects[0]?.id }}>
        <Form.Item name="subjectId" label="被问责对象" rules={[{ required: true, message: '请选择被问责对象' }]}>
          <Select aria-label="被问责对象" options={c.subjects.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item name="forms" label="问责方式（可多选，取自规则表）">
          <FormsSelect applies={subject ? (subject.kind === 'unit' ? '单位' : '个人') : undefined} />
        </Form.Item>
        <Form.Item name="facts" label="查明的事实">
          <Input.TextArea rows={4} aria-label="查明的事实" />
        </Form.Item>
        <Form.Item name="basis" label="问责依据">
          <Input.TextArea rows={2} aria-label="问责依据" />
        </Form.Item>
        <Form.Item name="body" label="作出决定的机关（不填则为发文机关）">
          <Input aria-label="作出决定的机关" />
        </Form.Item>
        <Form.Item
          name="appealTo"
          label="受理申诉的机关"
          rules={[{ required: true, whitespace: true, message: '请填写受理申诉的机关' }]}
        >
          <Input aria-label="受理申诉的机关" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function Serve({ d, onClose }: { d: Decision; onClose(): void }) {
  const [form] = Form.useForm();
  const serve = useAction('decisions.serve', { form, done: '已送达，申诉期和执行报告期限开始计算' });
  const ok = async () => {
    const v = (await form.validateFields()) as { servedOn: dayjs.Dayjs; method: string; receivedBy: string };
    if (await serve.run({ id: d.id, servedOn: day(v.servedOn), method: v.method, receivedBy: v.receivedBy })) onClose();
  };
  return (
    <FormModal
      title={`送达 ${d.number}`}
      okText="送达并生成送达回证"
      busy={serve.busy}
      onOk={() => void ok()}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ servedOn: dayjs(), method: '直接送达' }}>
        <Form.Item name="servedOn" label="送达日期" rules={[{ required: true, message: '请选择送达日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="method"
          label="送达方式"
          rules={[{ required: true, whitespace: true, message: '请填写送达方式' }]}
        >
          <Input aria-label="送达方式" />
        </Form.Item>
        <Form.Item
          name="receivedBy"
          label="签收人"
          rules={[{ required: true, whitespace: true, message: '请填写签收人' }]}
        >
          <Input aria-label="签收人" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function RegisterAppeal({ d, onClose }: { d: Decision; onClose(): void }) {
  const [form] = Form.useForm();
  const reg = useAction('appeals.register', {
    form,
    done: (v) => (v.appeals.at(-1)?.late ? `已登记，超过申诉期（至 ${d.appealBy}），记为逾期申诉` : '已登记申诉'),
  });
  const ok = async () => {
    const v = (await form.validateFields()) as { kind: 'appeal' | 'review'; receivedOn: dayjs.Dayjs; grounds: string };
    if (await reg.run({ decisionId: d.id, kind: v.kind, receivedOn: day(v.receivedOn), grounds: v.grounds })) onClose();
  };
  return (
    <FormModal title={`登记对 ${d.number} 的申诉或复核`} busy={reg.busy} onOk={() => void ok()} onClose={onClose}>
      <Typography.Paragraph type="secondary">申诉期至 {d.appealBy}；申诉期间不停止决定的执行。</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ kind: 'appeal', receivedOn: dayjs() }}>
        <Form.Item name="kind" label="类型">
          <Select
            aria-label="申诉或复核"
            options={appealKinds.map((k) => ({ value: k, label: appealKindLabels[k] }))}
          />
        </Form.Item>
        <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请选择收到日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="grounds"
          label="申诉理由"
          rules={[{ required: true, whitespace: true, message: '请填写申诉理由' }]}
        >
          <Input.TextArea rows={3} aria-label="申诉理由" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function AnswerAppeal({ a, onClose }: { a: Appeal; onClose(): void }) {
  const [form] = Form.useForm();
  const outcome = Form.useWatch('outcome', form) as 'upheld' | 'changed' | 'revoked' | undefined;
  const answer = useAction('appeals.answer', { form, done: '已作出复查决定' });
  const ok = async () => {
    const v = (await form.validateFields()) as {
      outcome: 'upheld' | 'changed' | 'revoked';
      note: string;
      forms?: string[];
      basis?: string;
    };
    if (await answer.run({ id: a.id, ...v })) onClose();
  };
  return (
    <FormModal title="作出复查决定" busy={answer.busy} onOk={() => void ok()} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ outcome: 'upheld' }}>
        <Form.Item name="outcome" label="复查结论">
          <Select
            aria-label="复查结论"
            options={appealOutcomes.map((k) => ({
              value: k,
              label: appealOutcomeLabels[k],
            }))}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label="复查意见"
          rules={[{ required: true, whitespace: true, message: '请填写复查意见' }]}
        >
          <Input.TextArea rows={3} aria-label="复查意见" />
        </Form.Item>
        {outcome === 'changed' && (
          <>
            <Form.Item name="forms" label="变更后的问责方式">
              <FormsSelect />
            </Form.Item>
            <Form.Item name="basis" label="问责依据">
              <Input.TextArea rows={2} aria-label="问责依据" />
            </Form.Item>
          </>
        )}
      </Form>
    </FormModal>
  );
}
