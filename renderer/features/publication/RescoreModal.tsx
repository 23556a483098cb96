import { Alert, InputNumber, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../electron/contract';
import { type InputKind, inputOfMethod, type ScoringMethod } from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { FormModal } from '../../shared/FormModal';
import type { PublicationView } from './PublicationPage';

type Objection = PublicationView['objections'][number];
type Line = ChannelOutput<'publications.unit'>['lines'][number];
type Input = ChannelInput<'objections.rescore'>['entries'][number]['input'];

const keyOf = (l: { indicatorId: number; targetId: number | null }) => `${l.indicatorId}:${l.targetId ?? ''}`;

const words: Record<InputKind, string> = {
  rate: '完成率（%）',
  grade: '等次',
  occurrences: '次数',
  vetoed: '是否否决',
  points: '评定分',
};

function inputOf(kind: InputKind, value: unknown): Input {
  if (kind === 'grade') return { grade: value as 'A' | 'B' | 'C' | 'D' };
  if (kind === 'vetoed') return { vetoed: value === true };
  if (kind === 'occurrences') return { occurrences: Number(value) };
  if (kind === 'points') return { points: Number(value) };
  return { rate: Number(value) };
}

/**
 * The office's corrected inputs for the unit an upheld objection names, line by line from its current frozen result;
 * kept with the objection, then frozen as a new result. (A scoring body may instead correct its entry through the
 * normal entry path, which the entry lock opens for this unit.)
 */
export function RescoreModal({ v, o, onClose }: { v: PublicationView; o: Objection; onClose(): void }) {
  const no = v.snapshots.at(-1)!.no;
  const unit = useCall('publications.unit', { planId: v.planId, no, unitId: o.unitId! });
  const [changed, setChanged] = useState<Record<string, { line: Line; value: unknown }>>({});
  const rescore = useAction('objections.rescore', { done: `已记录${o.unitName}的更正得分，请核对后冻结结果` });
  const kindOf = (l: Line): InputKind => inputOfMethod[l.method as ScoringMethod] ?? 'points';
  const current = (l: Line) => {
    const k = kindOf(l);
    return changed[keyOf(l)]?.value ?? (l.input ? l.input[k] : undefined);
  };
  const set = (l: Line, value: unknown) => setChanged((c) => ({ ...c, [keyOf(l)]: { line: l, value } }));
  const entries = Object.values(changed)
    .filter((c) => c.value !== undefined && c.value !== null)
    .map((c) => ({
      indicatorId: c.line.indicatorId,
      targetId: c.line.targetId,
      input: inputOf(kindOf(c.line), c.value),
    }));
  return (
    <FormModal
      title={`异议第${o.no}号：${o.unitName}重新评分`}
      okText="保存更正"
      width={860}
      busy={rescore.busy}
      onClose={onClose}
      onOk={() =>
        void (async () => {
          if (await rescore.run({ id: o.id, entries })) onClose();
        })()
      }
    >
      <Typography.Paragraph type="secondary">
        只改需要更正的项目；保存后在异议列表中“冻结结果”，生成新一次考核结果，原结果保留。
      </Typography.Paragraph>
      {unit.error && <Alert type="error" showIcon message={unit.error} />}
      <Table<Line>
        size="small"
        rowKey={keyOf}
        loading={unit.loading}
        pagination={false}
        scroll={{ y: 420 }}
        dataSource={unit.data?.lines ?? []}
        columns={[
          { title: '指标', dataIndex: 'name' },
          { title: '冻结时得分', dataIndex: 'earned', width: 90 },
          { title: '依据', width: 110, render: (_, l) => words[kindOf(l)] },
          {
            title: '更正为',
            width: 150,
            render: (_, l) => {
              const k = kindOf(l);
              const value = current(l);
              const label = `${l.name}${words[k]}`;
              if (k === 'grade')
                return (
                  <Select
                    aria-label={label}
                    style={{ width: 90 }}
                    value={value as string | undefined}
                    onChange={(x) => set(l, x)}
                    options={['A', 'B', 'C', 'D'].map((g) => ({ value: g, label: g }))}
                  />
                );
              if (k === 'vetoed')
                return (
                  <Select
                    aria-label={label}
                    style={{ width: 90 }}
                    value={value as boolean | undefined}
                    onChange={(x) => set(l, x)}
                    options={[
                      { value: false, label: '否' },
                      { value: true, label: '是' },
                    ]}
                  />
                );
              return (
                <InputNumber
                  aria-label={label}
                  min={0}
                  value={value as number | undefined}
                  onChange={(x) => set(l, x)}
                />
              );
            },
          },
        ]}
      />
    </FormModal>
  );
}
