import { Alert, Checkbox, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { planStateLabels } from '../../../electron/contract/labels';

type Shortfall = ChannelOutput<'plans.publishCheck'>['units'][number];

/**
 * Publishing: first the units whose targets do not add up to the base score. With none, a plain confirmation;
 * with some, they are listed and publishing needs the office's explicit decision, which the audit entry records.
 */
export function PublishModal({ planId, confirm, onClose }: { planId: number; confirm: string; onClose(): void }) {
  const check = useCall('plans.publishCheck', { id: planId });
  const [accepted, setAccepted] = useState(false);
  const move = useAction('plans.setState', { done: (p) => `方案已变为“${planStateLabels[p.state]}”` });
  const units = check.data?.units ?? [];
  const publish = async () => {
    const r = await move.run({ id: planId, to: 'published', ...(units.length ? { acceptShortfalls: true } : {}) });
    if (r) onClose();
  };
  return (
    <Modal
      open
      title="发布方案"
      width={units.length ? 720 : 420}
      okText={units.length ? '仍然发布' : '发布'}
      cancelText="取消"
      okButtonProps={{ disabled: !check.data || (units.length > 0 && !accepted), danger: units.length > 0 }}
      confirmLoading={move.busy}
      onOk={publish}
      onCancel={onClose}
      maskClosable={false}
    >
      {check.error && <Alert type="error" showIcon message={check.error} />}
      {check.data && units.length === 0 && <p>{confirm}</p>}
      {units.length > 0 && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={`有 ${units.length} 个单位的目标分值合计与基本分不符`}
            description="这些单位的责任书在目标补齐前不能生成。建议先到“目标任务”中补齐；确需先发布的，请勾选确认，确认记入审计日志。"
          />
          <Table<Shortfall>
            size="small"
            rowKey="unitId"
            dataSource={units}
            pagination={false}
            scroll={{ y: 280 }}
            columns={[
              { title: '单位', dataIndex: 'unitName' },
              { title: '问题', dataIndex: 'problem' },
            ]}
          />
          <Checkbox style={{ marginTop: 12 }} checked={accepted} onChange={(e) => setAccepted(e.target.checked)}>
            已知悉以上 {units.length} 个单位目标分值不符，仍要发布
          </Checkbox>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {confirm}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
