import { Empty } from 'antd';

/** 培训: courses and attendance (being built). */
export function TrainingTab() {
  return <Empty description="培训记录尚未开放" />;
}
