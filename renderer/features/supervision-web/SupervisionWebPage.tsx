import { Tabs } from 'antd';
import { ComplaintsTab } from './ComplaintsTab';
import { TransfersTab } from './TransfersTab';
import { AuditsTab } from './AuditsTab';
import { MeetingsTab } from './MeetingsTab';
import { ChannelsTab } from './ChannelsTab';

/** 监督网络: the registers of the bodies that watch the administration and feed accountability. */
export function SupervisionWebPage({ me }: { me: string }) {
  return (
    <Tabs
      destroyOnHidden
      items={[
        { key: 'complaints', label: '投诉', children: <ComplaintsTab me={me} /> },
        { key: 'audits', label: '审计', children: <AuditsTab /> },
        { key: 'transfers', label: '移送', children: <TransfersTab /> },
        { key: 'meetings', label: '联席会议', children: <MeetingsTab /> },
        { key: 'channels', label: '公开投诉渠道', children: <ChannelsTab /> },
      ]}
    />
  );
}
