import { Alert } from 'antd';
import { useEffect, useState } from 'react';

/**
 * While a package is written or read (one call, all or nothing: a quarter with its evidence takes tens of seconds),
 * says what is happening, how long it has taken, and not to pull the stick out.
 */
export function WorkingNote({ active, what }: { active: boolean; what: string }) {
  const [since, setSince] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) {
      setSince(null);
      return;
    }
    setSince(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  if (!active || since === null) return null;
  const seconds = Math.max(0, Math.round((now - since) / 1000));
  return (
    <Alert
      style={{ marginTop: 16 }}
      type="info"
      showIcon
      data-testid="exchange-working"
      message={`${what}（已用 ${seconds} 秒）`}
      description="数据包较大（含佐证材料）时需要几十秒。完成前请不要拔出 U 盘、不要关闭程序；中途断电或退出不会留下半个数据包，本机数据也不受影响。"
    />
  );
}
