import { Card, Descriptions, Tag } from 'antd';
import { roleLabels } from '../../../electron/contract/labels';
import { useCall } from '../../api/use-call';

const transportLabels = { electron: '桌面程序', web: '浏览器模式（本机）', cli: '命令行' } as const;

export function SystemInfoCard() {
  const info = useCall('system.info', {});
  return (
    <Card title="系统信息" loading={info.loading}>
      {info.data && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="程序版本">{info.data.appVersion}</Descriptions.Item>
          <Descriptions.Item label="数据结构版本">{info.data.schemaVersion}</Descriptions.Item>
          <Descriptions.Item label="本机节点编号">{info.data.nodeId}</Descriptions.Item>
          <Descriptions.Item label="数据目录">{info.data.dataDir}</Descriptions.Item>
          <Descriptions.Item label="运行方式">{transportLabels[info.data.transport]}</Descriptions.Item>
          <Descriptions.Item label="当前身份">
            {info.data.caller.username} <Tag>{roleLabels[info.data.caller.role]}</Tag>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
