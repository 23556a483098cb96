import { App, Input } from 'antd';
import { errorMessage } from '../api/client';

/**
 * A confirmation that asks for a reason (撤销, 作废, 退回): the action runs with the text; success shows its message,
 * a refusal shows the core's message and keeps the dialog open so nothing typed is lost.
 */
export function useAskText() {
  const { message, modal } = App.useApp();
  return (o: { title: string; placeholder: string; okText: string; danger?: boolean; run(text: string): Promise<unknown>; done: string; then?: () => void }) => {
    let text = '';
    modal.confirm({
      title: o.title,
      content: <Input.TextArea rows={3} placeholder={o.placeholder} onChange={(e) => (text = e.target.value)} />,
      okText: o.okText,
      okButtonProps: o.danger ? { danger: true } : undefined,
      cancelText: '取消',
      onOk: async () => {
        try {
          await o.run(text);
          message.success(o.done);
          o.then?.();
        } catch (e) {
          message.error(errorMessage(e));
          throw e;
        }
      },
    });
  };
}
