import { Alert, Space } from 'antd';
import { useCall } from '../../api/use-call';
import { NodesTab } from '../exchange/NodesTab';

/**
 * 交换密钥, for the administrator (who does not see the 数据交换 module's data): this installation's keys and
 * fingerprint, replacing them (routinely or because they leaked), and revoking a peer's key. Packages themselves are
 * exported and imported by the evaluators in 数据交换.
 */
export function ExchangeKeysTab() {
  const overview = useCall('exchange.overview', {});
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        message="本机与上下级交换数据所用的密钥"
        description={
          '定期或人员变动时可“更换密钥”（旧密钥签名交接）；怀疑数据库或备份被复制、电脑曾丢失时用“密钥可能泄露”' +
          '（旧密钥被吊销）。对方电脑遗失、无法交来吊销文件时，可在下表直接吊销它的密钥。' +
          '数据包的导出与导入由考评员在“数据交换”中办理。'
        }
      />
      <NodesTab overview={overview} />
    </Space>
  );
}
