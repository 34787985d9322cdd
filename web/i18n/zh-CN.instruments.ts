/** Simplified Chinese of large-instrument sharing (issue 14): error codes and the instrument pages. */
export const zhCNInstruments: Record<string, string> = {
  'The instrument cannot move to that state from its current state': '该仪器当前状态下不能变更为此状态',
  'The instrument is not open for booking': '该仪器未开放预约',
  'The booking takes more machine hours than the instrument allows at once': '预约机时超过该仪器单次上限',
  'The instrument is under maintenance at these hours': '该时段仪器维护中',
  'This is not possible in the current state of the booking': '预约当前状态下不能进行此操作',
  'Ask for at most 31 days of the calendar at once': '日历一次最多查询 31 天',
};
