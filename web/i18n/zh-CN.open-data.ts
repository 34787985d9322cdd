/** Simplified Chinese of the open-data service and its portal page (issue 15, docs/open-data.md). */
export const zhCNOpenData: Record<string, string> = {
  'This cursor is not one the service handed out; start again without it':
    '该游标不是本服务发出的，请去掉游标重新开始',
  'No file of that name in the current bulk dump; list them at /api/open/v1/dumps':
    '当前批量下载中没有该文件，文件列表见 /api/open/v1/dumps',
  'Open data': '开放数据',
  'Every record here is published under {{licence}}; cite it as: {{attribution}}.':
    '此处所有记录以 {{licence}} 许可发布；引用时请注明：{{attribution}}。',
  Datasets: '数据集',
  Records: '记录数',
  API: '接口',
  'Bulk dumps': '批量下载',
  'Regenerated when the data changes; generated at {{at}}.': '数据变化后重新生成；生成时间 {{at}}。',
  Size: '大小',
  'SHA-256 checksum': 'SHA-256 校验和',
  'Data dictionary': '数据字典',
  'May be empty': '可为空',
  'Example queries': '查询示例',
};
