import { SettingOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../electron/contract';
import { act } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { formatDateTime } from '../../shared/datetime';
import { UnitSelect } from '../../shared/UnitSelect';
import { useAskText } from '../../shared/use-ask-text';
import { AssessmentSettings } from './AssessmentSettings';
import { ExcellentPosting } from './ExcellentPosting';
import { FormLink, FormsVolumeButton, SummaryButton } from './FormsButtons';
import { defaultYear, gradeOptions, limitTag, yearOptions } from './grades';

type Round = ChannelOutput<'staff.round'>;
type Person = Round['people'][number];

/** The quota and the rules in one paragraph, above the list. */
function Summary({ r }: { r: Round }) {
  const over = r.proposedExcellent > r.quota || r.finalExcellent > r.quota;
  return (
    <Alert
      type={over ? 'warning' : 'info'}
      showIcon
      data-testid="staff-summary"
      message={
        `参加等次评定 ${r.assessed} 人（名单 ${r.people.length} 人）；优秀比例 ${r.share}%（${r.shareBasis}），` +
        `优秀名额 ${r.quota} 名；已拟定优秀 ${r.proposedExcellent} 名，已确定优秀 ${r.finalExcellent} 名。`
      }
      description={
        `年中调动的人员由${r.movedRule}考核（可在“设置”中修改）；等次按${r.gradeRules}核对处分与问责的影响，` +
        '每个等次记录所用的版本。'
      }
    />
  );
}

/** One unit's year: scope, the limits, the proposed and final grades, confirmation. */
export function AssessmentTab() {
  const can = useCan();
  const { message } = App.useApp();
  const ask = useAskText();
  const [year, setYear] = useState(defaultYear);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const settings = useCall('staff.settings', {});
  const round = useCall('staff.round', { year, unitId: unitId ?? 0 }, { enabled: unitId !== null });
  const writes = can('staff.grade');
  const r = unitId !== null ? round.data : undefined;
  const locked = !writes || !!r?.confirmedAt;
  const run = <C extends ChannelName>(c: C, input: ChannelInput<C>, done?: string) => act(message, c, input, { done });
  const key = { year, unitId: unitId ?? 0 };

  const grade = (p: Person, k: 'proposedGrade' | 'finalGrade') => (
    <Select
      size="small"
      allowClear
      style={{ width: 110 }}
      value={p[k] ?? null}
      disabled={locked || !p.inScope}
      aria-label={`${p.name}${k === 'proposedGrade' ? '拟定等次' : '确定等次'}`}
      // a grade the person's measures forbid stays choosable: the refusal names the decision and the rule
      options={gradeOptions}
      onChange={(v) => void run('staff.grade', { ...key, personId: p.personId, [k]: v ?? null })}
    />
  );

  const scope = (p: Person) =>
    p.inScope ? (
      <Space size={4}>
        <Tag color="green">参加</Tag>
        {p.joinedOn && (
          <Tooltip title={`${p.joinedOn} 起任职：如为新录用人员试用期内，请标为不参加等次评定`}>
            <Tag color="gold">年内到岗</Tag>
          </Tooltip>
        )}
        {!locked && (
          <Button
            size="small"
            type="link"
            onClick={() =>
              ask({
                title: `${p.name}不参加${year}年度等次评定`,
                label: '原因',
                placeholder: '如：2026年7月新录用，试用期内；病假超过半年',
                okText: '确定',
                channel: 'staff.scope',
                input: (reason) => ({ ...key, personId: p.personId, inScope: false, reason }),
                done: '已标为不参加等次评定',
              })
            }
          >
            不参加
          </Button>
        )}
      </Space>
    ) : (
      <Space size={4}>
        <Tooltip title={p.outReason}>
          <Tag>不参加：{p.outReason}</Tag>
        </Tooltip>
        {!locked && (
          <Button
            size="small"
            type="link"
            onClick={() => void run('staff.scope', { ...key, personId: p.personId, inScope: null }, '已恢复参加')}
          >
            恢复
          </Button>
        )}
      </Space>
    );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap>
        <Select value={year} options={yearOptions} onChange={setYear} style={{ width: 120 }} aria-label="年度" />
        <UnitSelect
          value={unitId}
          onChange={(v) => setUnitId(typeof v === 'number' ? v : null)}
          style={{ width: 280 }}
          placeholder="选择单位"
          aria-label="单位"
          data-testid="staff-unit"
        />
        {settings.data && (
          <Button icon={<SettingOutlined />} onClick={() => setEditing(true)} disabled={!can('staff.saveSettings')}>
            设置
          </Button>
        )}
      </Space>
      {editing && settings.data && <AssessmentSettings value={settings.data} onClose={() => setEditing(false)} />}
      {unitId === null && <Empty description="请选择单位，查看该单位的年度考核名单" />}
      {round.error && unitId !== null && <Alert type="error" showIcon message={round.error} />}
      {r && (
        <Card
          size="small"
          title={`${r.unitName} ${r.year}年度公务员考核`}
          extra={
            <Space>
              <FormsVolumeButton year={year} unitId={r.unitId} />
              <SummaryButton year={year} unitId={r.unitId} />
              {settings.data?.byUnitGrade && (
                <Select
                  size="small"
                  allowClear
                  placeholder="单位考核等次"
                  aria-label="单位考核等次"
                  value={r.unitGrade ?? undefined}
                  disabled={locked}
                  style={{ width: 140 }}
                  options={r.unitGrades.map((g) => ({ value: g, label: `单位等次：${g}` }))}
                  onChange={(g) => void run('staff.unitGrade', { ...key, unitGrade: g ?? null }, '单位等次已登记')}
                />
              )}
              {r.confirmedAt ? (
                <>
                  <Tag color="green">
                    已确定（{r.confirmedBy}，{formatDateTime(r.confirmedAt)}）
                  </Tag>
                  {writes && (
                    <Popconfirm
                      title="撤销确定后可以修改等次，确定撤销？"
                      okText="撤销确定"
                      cancelText="取消"
                      onConfirm={() => run('staff.confirm', { ...key, undo: true }, '已撤销确定')}
                    >
                      <Button size="small">撤销确定</Button>
                    </Popconfirm>
                  )}
                </>
              ) : (
                writes && (
                  <Popconfirm
                    title="确定后等次不能再改（可撤销确定），确定？"
                    okText="确定等次"
                    cancelText="取消"
                    onConfirm={() => run('staff.confirm', key, '等次已确定')}
                  >
                    <Button size="small" type="primary" data-testid="staff-confirm">
                      确定等次
                    </Button>
                  </Popconfirm>
                )
              )}
            </Space>
          }
        >
          <Summary r={r} />
          <Table<Person>
            style={{ marginTop: 12 }}
            size="small"
            rowKey="personId"
            dataSource={r.people}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            data-testid="staff-people"
            columns={[
              { title: '姓名', dataIndex: 'name', width: 90 },
              { title: '职务', dataIndex: 'post', width: 110 },
              { title: '身份证号', dataIndex: 'idNumber', width: 170 },
              { title: '等次评定', key: 'scope', width: 200, render: (_, p) => scope(p) },
              {
                title: '处分与问责',
                key: 'limit',
                width: 160,
                render: (_, p) => (
                  <Space direction="vertical" size={2}>
                    {p.limit && (
                      <Tooltip title={p.limit.reason}>
                        <Tag color={limitTag[p.limit.effect]?.color}>{limitTag[p.limit.effect]?.text}</Tag>
                      </Tooltip>
                    )}
                    {p.moved && (
                      <Tooltip title={p.moved}>
                        <Tag color="blue">年中调动</Tag>
                      </Tooltip>
                    )}
                    {p.unlisted.length > 0 && (
                      <Tooltip title={`规则表未列出，未计入：${p.unlisted.join('、')}`}>
                        <Tag>有未列入规则表的处理</Tag>
                      </Tooltip>
                    )}
                  </Space>
                ),
              },
              { title: '拟定等次', key: 'proposed', width: 120, render: (_, p) => grade(p, 'proposedGrade') },
              {
                title: '主管领导评语',
                key: 'comment',
                render: (_, p) => (
                  <Space size={4}>
                    <Typography.Text ellipsis style={{ maxWidth: 220 }}>
                      {p.comment || '—'}
                    </Typography.Text>
                    {!locked && p.inScope && (
                      <Button
                        size="small"
                        type="link"
                        onClick={() =>
                          ask({
                            title: `${p.name}的主管领导评语`,
                            label: '评语',
                            placeholder: '德、能、勤、绩、廉各方面的表现',
                            okText: '保存',
                            channel: 'staff.grade',
                            input: (comment) => ({ ...key, personId: p.personId, comment }),
                            done: '评语已保存',
                          })
                        }
                      >
                        填写
                      </Button>
                    )}
                  </Space>
                ),
              },
              { title: '确定等次', key: 'final', width: 120, render: (_, p) => grade(p, 'finalGrade') },
              {
                title: '规则版本',
                dataIndex: 'ruleVersion',
                width: 80,
                render: (v: number | null) => (v ? `第 ${v} 版` : ''),
              },
              {
                title: '',
                key: 'form',
                width: 70,
                render: (_, p) => <FormLink year={year} unitId={r.unitId} personId={p.personId} />,
              },
            ]}
          />
        </Card>
      )}
      {r && <ExcellentPosting year={year} unitId={r.unitId} />}
    </Space>
  );
}
