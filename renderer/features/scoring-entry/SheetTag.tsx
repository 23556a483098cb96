import { Tag } from 'antd';
import { type ScoreSheetState, scoreSheetStateLabels } from '../../../electron/contract/labels';

const colors: Record<ScoreSheetState, string> = { draft: 'default', submitted: 'green', returned: 'orange' };

/** A 评分表's state, in the vocabulary's words. */
export function SheetTag({ state }: { state: ScoreSheetState }) {
  return (
    <Tag color={colors[state]} data-testid="sheet-state">
      {scoreSheetStateLabels[state]}
    </Tag>
  );
}
