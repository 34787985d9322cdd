/** Simplified Chinese of the open-data service (issue 15, docs/open-data.md). */
export const zhCNOpenData: Record<string, string> = {
  'This cursor is not one the service handed out; start again without it':
    '该游标不是本服务发出的，请去掉游标重新开始',
};
