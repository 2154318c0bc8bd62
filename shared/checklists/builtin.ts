// The templates that ship in resources/checklists/. shared/ cannot read files, so the backend reads
// these names from the resources folder and passes the text to validateTemplateText.
export const BUILTIN_TEMPLATE_FILES = [
  'retention-self-check.json', // 客户留存率自检清单 (seeds 000, 001)
  'sales-capability-matrix.json', // 销售能力矩阵, per salesperson (seeds 000, 002)
  'sales-project-sop.json', // 销售-项目协同SOP检查 (seed 000 四步落地)
  'data-compliance.json', // 数据合规自查 (seed 001 note)
] as const;
