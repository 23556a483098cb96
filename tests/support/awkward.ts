/** Text that has to be escaped, or set in a font of its own: 生僻字 in and beyond the BMP, XML's five marks. */
export const AWKWARD = '堃𠮷刘𠇔 & " \' < > A&B<C>"D"\'E\' \t 100%，（续）';
