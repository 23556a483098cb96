import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Steps,
} from 'antd';
import { Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { type PublicationState, publicationStateLabels } from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { FormModal } from '../../shared/FormModal';
import { valid } from './valid';
import { DocumentPreview } from '../plans/DocumentPreview';
import { ObjectionsCard } from './ObjectionsCard';
import { SnapshotsCard } from './SnapshotsCard';

export type PublicationView = ChannelOutput<'publications.get'>;

const stateColors: Record<PublicationState, string> = { open: 'blue', expired: 'orange', notified: 'green' };

/** 结果公示: freeze the results, the 公示 and its period, the objections, the 通报, then the plan is archived. */
export function PublicationPage() {
  const plans = useCall('plans.list', {});
  const shown = (plans.data ?? []).filter((p) => ['scoring', 'results', 'closed'].includes(p.state));
  const [planId, setPlanId] = useState<number | null>(null);
  useEffect(() => {
    if (planId === null && shown[0]) setPlanId(shown[0].id);
  }, [shown, planId]);
  if (plans.data && shown.length === 0) return <Empty description="方案进入“考核评分”阶段后，才能冻结结果并公示。" />;
  return (
    <div>
      <Select
        style={{ width: 320, marginBottom: 12 }}
        value={planId ?? undefined}
        placeholder="考核方案"
        onChange={setPlanId}
        options={shown.map((p) => ({ value: p.id, label: `${p.year} 年 · ${p.title}` }))}
        data-testid="publication-plan"
      />
      {planId && <PlanPublication key={planId} planId={planId} />}
    </div>
  );
}

function stepOf(v: PublicationView): number {
  if (v.planState === 'closed') return 4;
  if (v.publication?.state === 'notified') return 3;
  if (v.publication) return 2;
  return v.snapshots.length ? 1 : 0;
}

function PlanPublication({ planId }: { planId: number }) {
  const view = useCall('publications.get', { planId });
  const v = view.data;
  if (view.error) return <Alert type="error" showIcon message={view.error} />;
  if (!v) return <Card loading />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Steps
        size="small"
        current={stepOf(v)}
        items={[
          { title: '冻结评分结果' },
          { title: '印发公示' },
          { title: '公示期与异议' },
          { title: '印发通报' },
          { title: '归档' },
        ]}
      />
      {v.snapshots.length === 0 && <FreezeCard v={v} />}
      <PublicityCard v={v} />
      {v.snapshots.length > 0 && <SnapshotsCard v={v} />}
      {v.publication && <ObjectionsCard v={v} />}
    </Space>
  );
}

/** Before anything is frozen: what stops it, the units not fully scored, and the freeze with its reason. */
function FreezeCard({ v }: { v: PublicationView }) {
  const can = useCan();
  const [asking, setAsking] = useState(false);
  const [form] = Form.useForm<{ incompleteReason?: string }>();
  const freeze = useAction('publications.freeze', { form, done: '评分结果已冻结（第 1 次）' });
  const f = v.freeze;
  if (v.planState !== 'scoring' || !f) return null;
  const blocked = f.problems.length > 0;
  return (
    <Card size="small" title="冻结评分结果">
      <Typography.Paragraph type="secondary">
        冻结后，排名和等次以冻结的结果为准，公示、通报、奖惩和图表都读取它；此后只有异议成立的单位才能重新评分，并另存一次结果，原结果保留。
      </Typography.Paragraph>
      {blocked && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message="评分结果有问题，不能冻结"
          description={f.problems.slice(0, 10).join('；')}
        />
      )}
      {f.incomplete.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`还有 ${f.incomplete.length} 个单位的基础指标未全部评分（未评分的按 0 分计）`}
          description={f.incomplete.slice(0, 20).join('、') + (f.incomplete.length > 20 ? ' 等' : '')}
        />
      )}
      {can('publications.freeze') && (
        <Button type="primary" disabled={blocked} onClick={() => setAsking(true)} data-testid="freeze">
          冻结评分结果
        </Button>
      )}
      {asking && (
        <FormModal
          title="冻结评分结果"
          okText="冻结"
          busy={freeze.busy}
          onClose={() => setAsking(false)}
          onOk={() =>
            void valid(form).then(async (x) => {
              if (!x) return;
              if (await freeze.run({ planId: v.planId, ...x })) setAsking(false);
            })
          }
        >
          <Form form={form} layout="vertical">
            <Typography.Paragraph>冻结后不能撤销，只有异议成立后才能重新评分。确定冻结？</Typography.Paragraph>
            {f.incomplete.length > 0 && (
              <Form.Item
                name="incompleteReason"
                label="未全部评分仍要冻结的原因"
                rules={[{ required: true, whitespace: true, message: '请写明在未全部评分时冻结的原因' }]}
              >
                <Input.TextArea rows={3} maxLength={500} />
              </Form.Item>
            )}
          </Form>
        </FormModal>
      )}
    </Card>
  );
}

type OpenForm = { startDate: Dayjs; workingDays: number; phone: string; address: string };

/** The 公示: issued from the latest snapshot; its period and the days left; the 通报 once it is over; archiving. */
function PublicityCard({ v }: { v: PublicationView }) {
  const can = useCan();
  const [opening, setOpening] = useState(false);
  const [notifying, setNotifying] = useState(false);
  const [preview, setPreview] = useState<{ id: number; title: string } | null>(null);
  const [form] = Form.useForm<OpenForm>();
  const [notifyForm] = Form.useForm<{ rewards?: string }>();
  const open = useAction('publications.open', { form, done: (r) => `已印发公示 ${r.publication?.publicityNumber}` });
  const notify = useAction('publications.notify', {
    form: notifyForm,
    done: (r) => `已印发通报 ${r.publication?.bulletinNumber}`,
  });
  const archive = useAction('plans.setState', { done: '方案已归档' });
  const p = v.publication;
  if (!p && (v.snapshots.length === 0 || v.planState !== 'scoring')) return null;
  const unanswered = v.objections.filter((o) => o.state !== 'answered' || o.rescoring).length;
  return (
    <Card size="small" title="考核结果公示" data-testid="publicity-card">
      {!p ? (
        <Space direction="vertical">
          <Typography.Text>
            以第 {v.snapshots.at(-1)!.no} 次冻结的结果印发《关于{v.year}
            年度目标管理考核结果的公示》，公示期按工作日计算；印发后方案进入“结果已公布”。
          </Typography.Text>
          {can('publications.open') && (
            <Button type="primary" onClick={() => setOpening(true)} data-testid="open-publicity">
              印发公示
            </Button>
          )}
        </Space>
      ) : (
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label="公示">
            <Button type="link" size="small" onClick={() => setPreview({ id: p.publicityDocumentId!, title: p.title })}>
              {p.publicityNumber} {p.title}
            </Button>
          </Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={stateColors[p.state]} data-testid="publication-state">
              {publicationStateLabels[p.state]}
            </Tag>
            {p.state === 'open' && <span data-testid="days-left">还剩 {p.daysLeft} 个工作日</span>}
          </Descriptions.Item>
          <Descriptions.Item label="公示期" span={2}>
            <span data-testid="period">{p.periodText}</span>
          </Descriptions.Item>
          <Descriptions.Item label="异议受理" span={2}>
            {[p.address && `地址：${p.address}`, p.phone && `电话：${p.phone}`].filter(Boolean).join('；')}
          </Descriptions.Item>
          <Descriptions.Item label="通报" span={2}>
            {p.bulletinDocumentId ? (
              <Button
                type="link"
                size="small"
                onClick={() => setPreview({ id: p.bulletinDocumentId!, title: `${v.year}年度考核结果通报` })}
              >
                {p.bulletinNumber} 关于{v.year}年度目标管理考核结果的通报
              </Button>
            ) : p.state === 'open' ? (
              '公示期满后印发'
            ) : unanswered ? (
              `还有 ${unanswered} 件异议未办结（未答复或重新评分未冻结），办结后印发`
            ) : (
              can('publications.notify') && (
                <Button type="primary" size="small" onClick={() => setNotifying(true)} data-testid="notify">
                  印发通报
                </Button>
              )
            )}
          </Descriptions.Item>
        </Descriptions>
      )}
      {p?.state === 'notified' && v.planState === 'results' && can('plans.setState') && (
        <Button
          style={{ marginTop: 12 }}
          loading={archive.busy}
          onClick={() => void archive.run({ id: v.planId, to: 'closed' })}
        >
          归档方案
        </Button>
      )}
      {opening && (
        <FormModal
          title="印发考核结果公示"
          okText="印发"
          busy={open.busy}
          onClose={() => setOpening(false)}
          onOk={() =>
            void valid(form).then(async (x) => {
              if (!x) return;
              const r = await open.run({
                planId: v.planId,
                startDate: x.startDate.format('YYYY-MM-DD'),
                workingDays: x.workingDays,
                phone: x.phone ?? '',
                address: x.address ?? '',
              });
              if (r) setOpening(false);
            })
          }
        >
          <Form form={form} layout="vertical" initialValues={{ ...v.defaults, startDate: dayjs(v.defaults.startDate) }}>
            <Form.Item name="startDate" label="公示开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item
              name="workingDays"
              label="公示期（工作日）"
              extra="按“系统设置 → 工作日历”计算，开始当天计入；遇节假日顺延"
              rules={[{ required: true, message: '请填写公示天数' }]}
            >
              <InputNumber min={1} max={30} />
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
      {notifying && (
        <FormModal
          title="印发考核结果通报"
          okText="印发"
          busy={notify.busy}
          onClose={() => setNotifying(false)}
          onOk={() =>
            void valid(notifyForm).then(async (x) => {
              if (!x) return;
              if (await notify.run({ planId: v.planId, ...(x.rewards?.trim() ? { rewards: x.rewards } : {}) }))
                setNotifying(false);
            })
          }
        >
          <Form form={notifyForm} layout="vertical">
            <Typography.Paragraph>
              通报以第 {v.snapshots.at(-1)?.no} 次冻结的结果为准，并写明公示期间异议的办理情况。
            </Typography.Paragraph>
            <Form.Item name="rewards" label="奖惩兑现（可不填）" extra="印在通报的“奖惩兑现”一节">
              <Input.TextArea
                rows={3}
                maxLength={1000}
                placeholder="例如：对评为优秀等次的单位予以通报表扬，并按规定兑现年终绩效奖励。"
              />
            </Form.Item>
          </Form>
        </FormModal>
      )}
      {preview && <DocumentPreview id={preview.id} title={preview.title} onClose={() => setPreview(null)} />}
    </Card>
  );
}
