/** zh-CN for the error messages of the IP pipeline, agreements and tech-transfer reports (issue 6). */
export const zhCNIpErrors: Record<string, string> = {
  'Invention disclosure not found': '未找到发明披露',
  'Patent filing not found': '未找到专利申请',
  'Another disclosure of this platform already has this reference number': '本平台已有使用该编号的发明披露',
  "The inventors' shares must add up to 100 %": '发明人份额合计必须为 100%',
  'Give the inventor as a person from the directory or by name': '请从人员库选择发明人或填写姓名',
  'Unknown unit of this platform': '本平台没有该部门',
  'Unknown technology field': '未知的技术领域',
  'Unknown invention disclosure of this platform': '本平台没有该发明披露',
  'The dates are out of order (e.g. granted before filed)': '日期先后顺序有误（如授权早于申请）',
  'A granted patent has a grant date and the status granted': '已授权专利须有授权日期且状态为已授权',
  'A patent with this number already exists in this jurisdiction': '该法域已有相同专利号的专利',
  'An application with this number already exists in this jurisdiction': '该法域已有相同申请号的申请',
  'A registration with this number already exists': '已有相同登记号的登记',
  'The parent filing must belong to the same disclosure': '母案须属于同一发明披露',
  'Agreement not found': '未找到协议',
  'Another agreement of this platform already has this reference number': '本平台已有使用该编号的协议',
  'Unknown organisation, or one merged into another': '未知机构，或该机构已被合并',
  'Licences and options say what is licensed and how exclusively': '许可和期权须注明许可类别和独占性',
  'Only licences and options have a licence kind and exclusivity': '只有许可和期权才有许可类别和独占性',
  'The dates are out of order (e.g. executed before requested)': '日期先后顺序有误（如签署早于申请）',
  'Give both the termination date and its reason': '请同时填写终止日期和终止原因',
  'Unknown disclosure, filing or IP registration of this platform':
    '本平台没有该发明披露、专利申请或知识产权登记',
  'Each link names exactly one disclosure, filing or IP registration':
    '每项关联只能指向一个发明披露、专利申请或知识产权登记',
  'Only a refund has a negative amount': '只有退款金额可以为负数',
  'A refund is entered as a negative amount': '退款应以负数金额录入',
  'A rate converts between two different currencies': '汇率须在两种不同货币之间换算',
  'Amounts in a currency without an exchange rate for that year; add the rate first':
    '部分金额所用货币缺少该年度汇率，请先添加汇率',
};
