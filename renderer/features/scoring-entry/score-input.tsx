import { Input, InputNumber, Select, Typography } from 'antd';
import type { ChannelInput, ChannelOutput } from '../../../electron/contract';
import type { ScoringMethod } from '../../../electron/contract/labels';

export type GridRow = ChannelOutput<'scores.grid'>['rows'][number];
export type Item = ChannelOutput<'scores.grid'>['items'][number];
export type WriteRow = ChannelInput<'scores.save'>['rows'][number];
export type Input = NonNullable<WriteRow['input']>;

/** What the person has typed into a cell and not yet saved; `input` null: emptied. */
export interface Draft {
  input: Input | null;
  note: string;
}

export const keyOf = (r: { indicatorId: number; unitId: number; targetId: number | null }) =>
  `${r.indicatorId}:${r.unitId}:${r.targetId ?? 0}`;

/** The input the row holds now: the draft if any, else what is stored. */
export function shownInput(r: GridRow, d: Draft | undefined, own: 'entry' | 'self'): Input | null {
  if (d) return d.input;
  return (r[own]?.input as Input | undefined) ?? null;
}

/**
 * Why the method cannot read the value, for the person's comfort before saving (the core refuses the same in its
 * own words, core/scoring-check.ts).
 */
export function localProblem(points: number, input: Input | null): string | null {
  if (!input) return null;
  if ('rate' in input) return input.rate < 0 ? '完成率不能小于 0' : input.rate > 1000 ? '完成率超过 1000%' : null;
  if ('occurrences' in input)
    return Number.isInteger(input.occurrences) && input.occurrences >= 0 ? null : '次数应为 0 或正整数';
  if ('points' in input)
    return input.points < 0 ? '不能小于 0' : input.points > points ? `不能超过 ${points} 分` : null;
  if ('grade' in input) return ['A', 'B', 'C', 'D'].includes(input.grade) ? null : '等次只能是 A、B、C、D';
  return null;
}

const numberOf = (input: Input | null, key: 'rate' | 'occurrences' | 'points'): number | null =>
  input && key in input ? (input as Record<string, number>)[key]! : null;

/** The control a method reads its input with: a completion rate, a grade, a count, yes/no, or points. */
export function ScoreInput(p: {
  method: ScoringMethod;
  points: number;
  value: Input | null;
  disabled: boolean;
  onChange(v: Input | null): void;
  testId: string;
}) {
  const { method, value, disabled, onChange, testId } = p;
  const problem = localProblem(p.points, value);
  const status = problem ? ('error' as const) : undefined;
  const num = (key: 'rate' | 'occurrences' | 'points', o: { suffix?: string; step?: number; placeholder: string }) => (
    <InputNumber
      size="small"
      style={{ width: 110 }}
      status={status}
      disabled={disabled}
      step={o.step ?? 1}
      placeholder={o.placeholder}
      addonAfter={o.suffix}
      value={numberOf(value, key)}
      onChange={(v) => onChange(v === null ? null : ({ [key]: Number(v) } as Input))}
      data-testid={testId}
    />
  );
  const control = (() => {
    switch (method) {
      case 'linear':
      case 'threshold':
        return num('rate', { suffix: '%', placeholder: '完成率' });
      case 'per_occurrence':
        return num('occurrences', { placeholder: '次数' });
      case 'judgement':
        return num('points', { step: 0.5, placeholder: `0–${p.points}` });
      case 'grade':
        return (
          <Select
            size="small"
            style={{ width: 110 }}
            allowClear
            disabled={disabled}
            placeholder="等次"
            value={value && 'grade' in value ? value.grade : undefined}
            onChange={(g?: string) => onChange(g ? { grade: g } : null)}
            options={['A', 'B', 'C', 'D'].map((g) => ({ value: g, label: `${g} 等` }))}
            data-testid={testId}
          />
        );
      case 'veto':
        return (
          <Select
            size="small"
            style={{ width: 110 }}
            allowClear
            disabled={disabled}
            placeholder="是否发生"
            value={value && 'vetoed' in value ? (value.vetoed ? 'yes' : 'no') : undefined}
            onChange={(v?: string) => onChange(v ? { vetoed: v === 'yes' } : null)}
            options={[
              { value: 'no', label: '未发生' },
              { value: 'yes', label: '发生（否决）' },
            ]}
            data-testid={testId}
          />
        );
    }
  })();
  return (
    <div>
      {control}
      {problem && (
        <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
          {problem}
        </Typography.Text>
      )}
    </div>
  );
}

export function NoteInput(p: { value: string; disabled: boolean; onChange(v: string): void }) {
  return (
    <Input
      size="small"
      maxLength={200}
      disabled={p.disabled}
      placeholder="备注（可空）"
      value={p.value}
      onChange={(e) => p.onChange(e.target.value)}
    />
  );
}
