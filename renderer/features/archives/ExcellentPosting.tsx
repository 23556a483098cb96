import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import {
  type ObjectionState,
  objectionOutcomeLabels,
  objectionOutcomes,
  objectionStateLabels,
  publicationStateLabels,
} from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { FormModal } from '../../shared/FormModal';
import { useAskText } from '../../shared/use-ask-text';
import { DocumentPreview } from '../plans/DocumentPreview';
import { valid } from '../publication/valid';

type View = ChannelOutput<'staff.posting'>;
type Objection = View['objections'][number];
const stateColors: Record<ObjectionState, string> = { registered: 'blue', investigating: 'gold', answered: 'green' };
const names = (l: View['proposals']) => l.map((p) => `${p.name}（${p.unit}）`).join('、');

/**
 * 优秀等次公示 of a unit's year (or of every unit's): the proposed 优秀 and what stops their 公示, the notice and its
 * period, the objections (an upheld one on a person reopens that person's grade), and the confirmation after it.
 */
export function ExcellentPosting({ year, unitId }: { year: number; unitId: number }) {
  const [allUnits, setAllUnits] = useState(false);
  const v = useCall('staff.posting', { year, unitId: allUnits ? null : unitId }).data;
  if (!v) return null;
  return (
    <Card size="small" title={`${v.scopeName} ${year}年度优秀等次公示`} data-testid="staff-posting">
      {v.posting ? <Posted v={v} /> : <Unposted v={v} allUnits={allUnits} onScope={setAllUnits} unitId={unitId} />}
    </Card>
  );
}

type OpenForm = { startDate: Dayjs; workingDays: number; phone?: string; address?: string };

function Unposted(props: { v: View; allUnits: boolean; onScope(all: boolean): void; unitId: number }) {
  const { v } = props;
  const can = useCan();
  const [opening, setOpening] = useState(false);
  const [form] = Form.useForm<OpenForm>();
  const open = useAction('staff.publicize', { form, done: (r) => `已印发优秀等次公示 ${r.number}` });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Radio.Group
        value={props.allUnits}
        onChange={(e) => props.onScope(e.target.value as boolean)}
        options={[
          { value: false, label: '本单位' },
          { value: true, label: '全部单位（一次公示全年度）' },
        ]}
      />
      <Typography.Text>
        拟定为优秀的人员须公示不少于 5 个工作日；公示期间优秀人选不能更改，期满且异议全部答复后“确定优秀等次”，
        确定为优秀的给予嘉奖。
      </Typography.Text>
      <Typography.Text data-testid="posting-proposals">
        {v.proposals.length ? `拟定优秀 ${v.proposals.length} 名：${names(v.proposals)}` : '尚未拟定优秀人员。'}
      </Typography.Text>
      {v.problems.length > 0 && v.proposals.length > 0 && (
        <Alert type="warning" showIcon message="暂不能公示" description={v.problems.join('')} />
      )}
      {can('staff.publicize') && (
        <Button
          type="primary"
          disabled={v.problems.length > 0}
          onClick={() => setOpening(true)}
          data-testid="posting-open"
        >
          印发优秀等次公示
        </Button>
      )}
      {opening && (
        <FormModal
          title="印发优秀等次公示"
          okText="印发"
          busy={open.busy}
          onClose={() => setOpening(false)}
          onOk={() =>
            void valid(form).then(async (x) => {
              if (!x) return;
              const r = await open.run({
                year: v.year,
                unitId: props.allUnits ? null : props.unitId,
                startDate: x.startDate.format('YYYY-MM-DD'),
                workingDays: x.workingDays,
                phone: x.phone ?? '',
                address: x.address ?? '',
              });
              if (r) setOpening(false);
            })
          }
        >
          <Typography.Paragraph>公示名单：{names(v.proposals)}</Typography.Paragraph>
          <Form form={form} layout="vertical" initialValues={{ ...v.defaults, startDate: dayjs(v.defaults.startDate) }}>
            <Form.Item name="startDate" label="公示开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item
              name="workingDays"
              label="公示期（工作日）"
              extra="不少于 5 个工作日；按“系统设置 → 工作日历”计算，开始当天计入"
              rules={[{ required: true, message: '请填写公示天数' }]}
            >
              <InputNumber min={5} max={30} />
            </Form.Item>
            <Form.Item name="phone" label="异议受理电话">
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="address" label="异议受理地址">
              <Input maxLength={100} />
            </Form.Item>
          </Form>
        </FormModal>
      )}
    </Space>
  );
}

function Posted({ v }: { v: View }) {
  const p = v.posting!;
  const can = useCan();
  const ask = useAskText();
  const [preview, setPreview] = useState(false);
  const [registering, setRegistering] = useState(false);
  const [answering, setAnswering] = useState<Objection | null>(null);
  const confirm = useAction('staff.confirmExcellent', { done: '优秀等次已确定' });
  const unanswered = v.objections.filter((o) => o.state !== 'answered').length;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="公示" span={2}>
          <Button type="link" size="small" onClick={() => setPreview(true)}>
            {p.number} {p.title}
          </Button>
          {p.yearWide && <Tag>全部单位</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag data-testid="posting-state" color={p.state === 'open' ? 'blue' : 'green'}>
            {p.state === 'notified' ? '已确定优秀等次' : publicationStateLabels[p.state]}
          </Tag>
          {p.state === 'open' && <span>还剩 {p.daysLeft} 个工作日</span>}
        </Descriptions.Item>
        <Descriptions.Item label="公示期">{p.periodText}</Descriptions.Item>
        <Descriptions.Item label="公示名单" span={2}>
          <span data-testid="posting-listed">{names(p.listed)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="异议受理" span={2}>
          {[p.address && `地址：${p.address}`, p.phone && `电话：${p.phone}`].filter(Boolean).join('；')}
        </Descriptions.Item>
      </Descriptions>
      {p.state === 'open' && (
        <Typography.Text type="secondary">
          公示期间优秀人选不能更改；对公示对象有异议的，登记异议，异议成立后该人员的拟定等次撤销、可重新评定（优秀除外）。
        </Typography.Text>
      )}
      {p.state === 'expired' &&
        can('staff.confirmExcellent') &&
        (unanswered ? (
          <Typography.Text>还有 {unanswered} 件异议未答复，答复后才能确定优秀等次。</Typography.Text>
        ) : (
          <Popconfirm
            title="确定优秀等次？"
            description="公示名单中仍拟定为优秀的人员确定为优秀等次（给予嘉奖），之后不能再改。"
            okText="确定"
            cancelText="取消"
            onConfirm={() => confirm.run({ postingId: p.id })}
          >
            <Button type="primary" data-testid="posting-confirm">
              确定优秀等次
            </Button>
          </Popconfirm>
        ))}
      <Table<Objection>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={v.objections}
        data-testid="posting-objections"
        title={() => (
          <Space>
            <span>异议</span>
            {p.state !== 'notified' && can('staff.objectionRegister') && (
              <Button size="small" onClick={() => setRegistering(true)} data-testid="posting-register">
                登记异议
              </Button>
            )}
          </Space>
        )}
        locale={{ emptyText: '公示期间尚未收到异议' }}
        columns={[
          { title: '编号', dataIndex: 'no', width: 90, render: (n: number) => `异议第${n}号` },
          { title: '收到日期', dataIndex: 'receivedDate', width: 100 },
          { title: '提出人', width: 160, render: (_, o) => [o.raiserName, o.raiserUnit].filter(Boolean).join('，') },
          { title: '所涉人员', dataIndex: 'personName', width: 90, render: (n: string | null) => n ?? '—' },
          { title: '内容', dataIndex: 'content', ellipsis: true },
          {
            title: '状态',
            width: 170,
            render: (_, o) => (
              <Space size={4} wrap>
                <Tag color={stateColors[o.state]}>{objectionStateLabels[o.state]}</Tag>
                {o.outcome && (
                  <Tag color={o.outcome === 'upheld' ? 'red' : 'default'}>{objectionOutcomeLabels[o.outcome]}</Tag>
                )}
              </Space>
            ),
          },
          {
            title: '',
            width: 110,
            render: (_, o) => (
              <>
                {o.state === 'registered' && can('staff.objectionInvestigate') && (
                  <Button
                    size="small"
                    onClick={() =>
                      ask({
                        title: `异议第${o.no}号：调查核实`,
                        label: '调查核实情况',
                        placeholder: '向谁核实、核实的结果',
                        okText: '保存',
                        channel: 'staff.objectionInvestigate',
                        input: (investigation) => ({ id: o.id, investigation }),
                        done: '已记录调查核实情况',
                      })
                    }
                  >
                    调查核实
                  </Button>
                )}
                {o.state === 'investigating' && can('staff.objectionAnswer') && (
                  <Button size="small" onClick={() => setAnswering(o)}>
                    答复
                  </Button>
                )}
              </>
            ),
          },
        ]}
      />
      {registering && <RegisterModal v={v} onClose={() => setRegistering(false)} />}
      {answering && <AnswerModal o={answering} onClose={() => setAnswering(null)} />}
      {preview && p.documentId && (
        <DocumentPreview id={p.documentId} title={p.title} onClose={() => setPreview(false)} />
      )}
    </Space>
  );
}

type RegisterForm = {
  raiserName: string;
  raiserUnit?: string;
  raiserContact: string;
  receivedDate: Dayjs;
  personId?: number;
  content: string;
};

function RegisterModal({ v, onClose }: { v: View; onClose(): void }) {
  const [form] = Form.useForm<RegisterForm>();
  const register = useAction('staff.objectionRegister', { form, done: '已登记异议' });
  const people = v.posting!.listed.flatMap((l) =>
    l.personId ? [{ value: l.personId, label: `${l.name}（${l.unit}）` }] : [],
  );
  return (
    <FormModal
      title="登记异议"
      okText="登记"
      busy={register.busy}
      onClose={onClose}
      onOk={() =>
        void valid(form).then(async (x) => {
          if (!x) return;
          const r = await register.run({
            postingId: v.posting!.id,
            raiserName: x.raiserName,
            raiserUnit: x.raiserUnit ?? '',
            raiserContact: x.raiserContact,
            receivedDate: x.receivedDate.format('YYYY-MM-DD'),
            content: x.content,
            personId: x.personId ?? null,
          });
          if (r) onClose();
        })
      }
    >
      <Typography.Paragraph type="secondary">
        公示期：{v.posting!.periodText}。收到日期晚于公示期的，不予受理。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ receivedDate: dayjs(v.today) }}>
        <Form.Item
          name="raiserName"
          label="提出人"
          rules={[{ required: true, whitespace: true, message: '请填写提出人' }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="raiserUnit" label="提出人单位">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="raiserContact"
          label="联系方式"
          rules={[{ required: true, whitespace: true, message: '请填写联系方式' }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="receivedDate" label="收到日期" rules={[{ required: true, message: '请选择收到日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="personId" label="所涉人员（对某人优秀等次的异议）">
          <Select allowClear showSearch optionFilterProp="label" options={people} />
        </Form.Item>
        <Form.Item
          name="content"
          label="异议内容"
          rules={[{ required: true, whitespace: true, message: '请填写异议内容' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function AnswerModal({ o, onClose }: { o: Objection; onClose(): void }) {
  const [form] = Form.useForm<{ outcome: (typeof objectionOutcomes)[number]; answer: string }>();
  const answer = useAction('staff.objectionAnswer', { form, done: `已答复异议第${o.no}号` });
  return (
    <FormModal
      title={`答复异议第${o.no}号`}
      okText="答复"
      busy={answer.busy}
      onClose={onClose}
      onOk={() =>
        void valid(form).then(async (x) => {
          if (!x) return;
          if (await answer.run({ id: o.id, ...x })) onClose();
        })
      }
    >
      <Form form={form} layout="vertical">
        <Form.Item name="outcome" label="调查结论" rules={[{ required: true, message: '请选择异议是否成立' }]}>
          <Radio.Group options={objectionOutcomes.map((x) => ({ value: x, label: objectionOutcomeLabels[x] }))} />
        </Form.Item>
        {o.personName && (
          <Typography.Paragraph type="secondary">
            异议成立的，撤销{o.personName}的拟定优秀，其等次重新评定（不能再定为优秀）。
          </Typography.Paragraph>
        )}
        <Form.Item
          name="answer"
          label="答复意见"
          rules={[{ required: true, whitespace: true, message: '请填写答复意见' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
