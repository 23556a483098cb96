import { App, Form, type FormInstance, Input } from 'antd';
import type { ChannelInput, ChannelName } from '../../electron/contract';
import { act } from '../api/use-action';

type Asked = { text: string };
type Holder = { form?: FormInstance<Asked> };

/** The reason's form; it hands its instance to the dialog's OK button through `holder`, from its first render on. */
function AskForm({ label, placeholder, holder }: { label: string; placeholder: string; holder: Holder }) {
  const [form] = Form.useForm<Asked>();
  holder.form = form;
  return (
    <Form form={form}>
      <Form.Item name="text" rules={[{ required: true, whitespace: true, message: `请填写${label}` }]}>
        <Input.TextArea rows={3} placeholder={placeholder} aria-label={label} />
      </Form.Item>
    </Form>
  );
}

export interface Ask<C extends ChannelName> {
  title: string;
  /** What is asked for (退回原因, 整改情况): named when it is left empty. */
  label: string;
  placeholder: string;
  okText: string;
  danger?: boolean;
  channel: C;
  input(text: string): ChannelInput<C>;
  /** Said on success. */
  done: string;
}

/**
 * A confirmation that asks for a reason (撤销, 作废, 退回) and runs a write with it, as useAction does: success
 * shows its message and refreshes the lists the channel declares; an empty reason or a refusal keeps the dialog
 * open so nothing typed is lost.
 */
export function useAskText() {
  const { message, modal } = App.useApp();
  return <C extends ChannelName>(o: Ask<C>) => {
    const holder: Holder = {};
    // awaited, antd keeps a rejected onOk quiet: the rejection only keeps the dialog open
    void modal
      .confirm({
        title: o.title,
        content: <AskForm label={o.label} placeholder={o.placeholder} holder={holder} />,
        okText: o.okText,
        okButtonProps: o.danger ? { danger: true } : undefined,
        cancelText: '取消',
        onOk: async () => {
          const { text } = await holder.form!.validateFields();
          const value = await act(message, o.channel, o.input(text.trim()), { done: o.done });
          if (value === undefined) throw new Error(`${o.title}：未完成`);
        },
      })
      .then(
        () => undefined,
        () => undefined,
      );
  };
}
