/** Items that name no 考核责任单位 are scored by the office. */
export const OFFICE = '考评办';
export const bodyLabel = (body: string): string => body || OFFICE;
