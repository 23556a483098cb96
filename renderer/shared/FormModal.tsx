import { Modal } from 'antd';
import type { ReactNode } from 'react';

/**
 * The dialog every form opens in: busy while its action runs, not closed by a stray click outside (a
 * half-filled form is not lost), 取消 to leave.
 */
export function FormModal(props: {
  title: ReactNode;
  okText?: string;
  width?: number;
  busy: boolean;
  onOk(): void;
  onClose(): void;
  children: ReactNode;
}) {
  return (
    <Modal
      open
      width={props.width}
      title={props.title}
      okText={props.okText ?? '保存'}
      cancelText="取消"
      confirmLoading={props.busy}
      onOk={props.onOk}
      onCancel={props.onClose}
      maskClosable={false}
    >
      {props.children}
    </Modal>
  );
}
