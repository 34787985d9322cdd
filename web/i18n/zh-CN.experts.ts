/** Simplified Chinese of the expert database (issue 5): error codes and UI text. */
export const zhCNExperts: Record<string, string> = {
  'Expert not found': '未找到该专家',
  'You have no expert profile; a program officer creates it': '您还没有专家档案，请联系项目主管创建',
  'This person does not exist': '该人员不存在',
  'This person already has an expert profile': '该人员已有专家档案',
  'Unknown or retired field': '技术领域不存在或已停用',
  'This organisation does not exist': '该单位不存在',
  'This field is listed twice': '该技术领域重复',
  'Import experts': '导入专家',
  'Expertise (Chinese)': '研究专长（中文）',
  'Expertise (English)': '研究专长（英文）',
  'Load limit': '评审上限',
};
