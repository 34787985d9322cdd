/** Audit actions and object types in words: kept in common/ with the labels, for the server's export too. */
export { zhCNAuditLabels } from '../../common/audit-labels.zh-CN.js';
