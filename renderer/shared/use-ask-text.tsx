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
 * shows its message and refreshes the lists the channel declares; an empty reason (said under the field) or a
 * refusal keeps the dialog open so nothing typed is lost.
 */
export function useAskText() {
  const { message, modal } = App.useApp();
  return <C extends ChannelName>(o: Ask<C>) => {
    const holder: Holder = {};
    const okProps = (loading: boolean) => ({ danger: !!o.danger, loading });
    let busy = false;
    // onOk takes `close`, so antd neither closes the dialog nor waits on a promise: an empty reason is only the
    // form's message (no rejection reaches the page, the button never stays loading), a refusal keeps the dialog
    const instance = modal.confirm({
      title: o.title,
      content: <AskForm label={o.label} placeholder={o.placeholder} holder={holder} />,
      okText: o.okText,
      okButtonProps: okProps(false),
      cancelText: '取消',
      onOk: (close: () => void) => {
        if (busy) return;
        void (async () => {
          let text: string;
          try {
            ({ text } = await holder.form!.validateFields());
          } catch {
            return;
          }
          busy = true;
          instance.update({ okButtonProps: okProps(true) });
          const value = await act(message, o.channel, o.input(text.trim()), { done: o.done });
          busy = false;
          instance.update({ okButtonProps: okProps(false) });
          if (value !== undefined) close();
        })();
      },
    });
  };
}
