import { DatePicker, Form, Input } from 'antd';
import dayjs from 'dayjs';

/** The signing date (not after today) and 甲方签字人: the same two fields for one letter and for many. */
export function SigningFields({ signerPlaceholder }: { signerPlaceholder?: string }) {
  return (
    <>
      <Form.Item name="signedDate" label="签订日期" rules={[{ required: true, message: '请选择签订日期' }]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item
        name="partyASigner"
        label="甲方签字人"
        rules={[
          { required: true, whitespace: true, message: '请填写甲方签字人' },
          { max: 30, message: '不能超过 30 个字' },
        ]}
      >
        <Input placeholder={signerPlaceholder} />
      </Form.Item>
    </>
  );
}
