import { Tabs } from 'antd';
import { ComplaintsTab } from './ComplaintsTab';
import { TransfersTab } from './TransfersTab';

/** 监督网络: the registers of the bodies that watch the administration and feed accountability. */
export function SupervisionWebPage({ me }: { me: string }) {
  return (
    <Tabs
      destroyOnHidden
      items={[
        { key: 'complaints', label: '投诉', children: <ComplaintsTab me={me} /> },
        { key: 'transfers', label: '移送', children: <TransfersTab /> },
      ]}
    />
  );
}
