// Error codes that cross the process boundary, with their message in both UI languages.
// The backend throws a code and params; each side renders the message in its user's language, so a
// CLI user with LANG=zh_CN and a renderer in English both read a sentence they understand.

export const errorMessages = {
  INVALID_ARGUMENTS: {
    'zh-CN': '请求参数不正确：{{detail}}',
    en: 'Invalid request: {{detail}}',
  },
  UNKNOWN_CHANNEL: {
    'zh-CN': '未知的操作：{{channel}}',
    en: 'Unknown operation: {{channel}}',
  },
  NO_WORKSPACE_OPEN: {
    'zh-CN': '当前没有打开的项目工作区。请先新建或打开一个项目。',
    en: 'No engagement workspace is open. Create or open an engagement first.',
  },
  FILE_NOT_FOUND: {
    'zh-CN': '找不到文件：{{path}}。请检查路径是否正确。',
    en: 'File not found: {{path}}. Check the path.',
  },
  FILE_EXISTS: {
    'zh-CN': '文件已存在：{{path}}。请换一个文件名，或先移走原文件。',
    en: 'A file already exists at {{path}}. Choose another name or move the existing file first.',
  },
  NOT_A_WORKSPACE: {
    'zh-CN': '{{path}} 不是留存诊断工作台的项目文件（.rwb）。文件未作任何修改。',
    en: '{{path}} is not a Retention Workbench engagement file (.rwb). The file was not changed.',
  },
  WORKSPACE_CORRUPT: {
    'zh-CN': '项目文件 {{path}} 已损坏（{{detail}}），无法打开。文件未作任何修改；请从备份恢复。',
    en: 'The engagement file {{path}} is damaged ({{detail}}) and cannot be opened. It was not changed; restore it from a backup.',
  },
  WORKSPACE_TOO_NEW: {
    'zh-CN': '项目文件 {{path}} 由更新版本的工作台创建（包含本版本不认识的结构 {{unknown}}）。请升级工作台后再打开。文件未作任何修改。',
    en: 'The engagement file {{path}} was written by a newer version of the workbench (unknown schema step {{unknown}}). Upgrade the workbench to open it. The file was not changed.',
  },
  WORKSPACE_PASSPHRASE_REQUIRED: {
    'zh-CN': '项目文件 {{path}} 已加密，请输入它的口令后再打开。',
    en: 'The engagement file {{path}} is encrypted: enter its passphrase to open it.',
  },
  WORKSPACE_PASSPHRASE_WRONG: {
    'zh-CN': '口令不正确，无法打开 {{path}}。文件未作任何修改；请检查口令（区分大小写）后重试。',
    en: 'Wrong passphrase for {{path}}. The file was not changed; check the passphrase (it is case-sensitive) and try again.',
  },
  PASSPHRASE_TOO_SHORT: {
    'zh-CN': '口令至少需要 {{min}} 个字符。',
    en: 'A passphrase needs at least {{min}} characters.',
  },
  PASSPHRASE_MISMATCH: {
    'zh-CN': '两次输入的口令不一致，未作任何更改。',
    en: 'The two passphrases differ; nothing was changed.',
  },
  WORKSPACE_ALREADY_ENCRYPTED: {
    'zh-CN': '项目文件 {{path}} 已经加密。要换口令，请使用“更改口令”（rwb passphrase）。',
    en: 'The engagement file {{path}} is already encrypted. To use another passphrase, change it (rwb passphrase).',
  },
  WORKSPACE_NOT_ENCRYPTED: {
    'zh-CN': '项目文件 {{path}} 没有加密，没有口令可改。要加密它，请使用“加密”（rwb encrypt）。',
    en: 'The engagement file {{path}} is not encrypted, so it has no passphrase to change. To encrypt it, use rwb encrypt.',
  },
  WORKSPACE_JOB_RUNNING: {
    'zh-CN': '有后台任务正在使用项目文件 {{path}}，请等它完成或取消后再更改加密设置。',
    en: 'A background job is using {{path}}; wait for it to finish or cancel it before changing the encryption.',
  },
  PASSPHRASE_ARGUMENT_REFUSED: {
    'zh-CN': '口令不能写在命令行参数里（会留在 shell 历史和进程列表中，别人可以看到）。请在提示时输入，或设置环境变量 RWB_PASSPHRASE。',
    en: 'A passphrase is never taken as a command-line argument (it would stay in the shell history and the process list, where others can read it). Type it at the prompt, or set the RWB_PASSPHRASE environment variable.',
  },
  PASSPHRASE_UNAVAILABLE: {
    'zh-CN': '需要口令，但这里没有终端可以输入。请设置环境变量 RWB_PASSPHRASE。',
    en: 'A passphrase is needed but there is no terminal to type it in. Set the RWB_PASSPHRASE environment variable.',
  },
  WORKSPACE_LOCKED: {
    'zh-CN': '项目文件 {{path}} 正被其他程序占用。请关闭其他窗口后重试。',
    en: 'The engagement file {{path}} is in use by another program. Close it there and try again.',
  },
  BACKUP_FAILED: {
    'zh-CN': '备份失败：{{detail}}',
    en: 'Backup failed: {{detail}}',
  },
  CANCELLED: {
    'zh-CN': '操作已取消，工作区保持原样。',
    en: 'Cancelled; the workspace is as it was before.',
  },
  NOT_FOUND: {
    'zh-CN': '找不到{{what}}：{{id}}',
    en: '{{what}} not found: {{id}}',
  },
  VALIDATION_FAILED: {
    'zh-CN': '内容不符合要求：{{detail}}',
    en: 'Validation failed: {{detail}}',
  },
  TRIAGE_FILTER_CHANGED: {
    'zh-CN': '筛选条件现在匹配 {{now}} 条，而不是页面显示的 {{expected}} 条（期间有运行或他人修改）。请刷新列表后再执行批量操作。',
    en: 'The filter now matches {{now}} rows, not the {{expected}} shown (a run or another edit changed them meanwhile). Refresh the list, then repeat the bulk step.',
  },
  TRIAGE_STEP_INCOMPLETE: {
    'zh-CN': '批量操作“{{op}}”缺少{{missing}}。请补充后再执行。',
    en: 'The bulk step "{{op}}" needs {{missing}}. Add it and try again.',
  },
  TRIAGE_UNDO_NOT_LATEST: {
    'zh-CN': '只能撤销最近一次批量操作（#{{latest}}），不能直接撤销 #{{id}}。请先撤销之后的操作。',
    en: 'Only the latest bulk step (#{{latest}}) can be undone, not #{{id}}. Undo the later steps first.',
  },
  TRIAGE_ALREADY_UNDONE: {
    'zh-CN': '批量操作 #{{id}} 已于 {{at}} 撤销。',
    en: 'Bulk step #{{id}} was already undone at {{at}}.',
  },
  UNSUPPORTED_FILE: {
    'zh-CN': '不支持的文件：{{detail}}',
    en: 'Unsupported file: {{detail}}',
  },
  CHROMIUM_NOT_FOUND: {
    'zh-CN': '找不到用于生成 PDF 的 Chromium 浏览器（{{detail}}）。请安装 Chromium，或设置环境变量 RWB_CHROMIUM 指向它。',
    en: 'No Chromium browser was found to print the PDF ({{detail}}). Install Chromium or set RWB_CHROMIUM to its path.',
  },
  UPLOAD_TOO_LARGE: {
    'zh-CN': '上传的文件超过 {{limitMb}} MB 的上限，未被保存。请拆分文件，或用命令行 rwb import 直接导入本机文件。',
    en: 'The upload is larger than the {{limitMb}} MB limit and was not kept. Split the file, or import it from disk with rwb import.',
  },
  FORBIDDEN_ORIGIN: {
    'zh-CN': '拒绝来自 {{origin}} 的请求：只有本工作台自己的页面可以修改数据。',
    en: "Refused a request from {{origin}}: only the workbench's own page may change data.",
  },
  BAD_REQUEST: {
    'zh-CN': '请求无效（{{detail}}）。',
    en: 'Bad request ({{detail}}).',
  },
  DISK_FULL: {
    'zh-CN':
      '磁盘空间不足，无法写入 {{path}}（剩余 {{freeMb}} MB，工作区文件 {{fileMb}} MB）。请腾出至少与工作区文件同样大小的空间后重试；这次操作没有写入任何内容，工作区保持原样。',
    en: 'The disk is full: {{path}} could not be written ({{freeMb}} MB free, the workspace file is {{fileMb}} MB). Free at least as much space as the workspace file takes and try again; nothing was written and the workspace is as it was.',
  },
  WORKSPACE_READ_ONLY: {
    'zh-CN': '无法写入 {{path}}：文件或所在文件夹是只读的。请把文件复制到您有写权限的文件夹，或修改其权限后再打开；文件未被改动。',
    en: 'Cannot write {{path}}: the file or its folder is read-only. Copy the file to a folder you can write to, or change its permissions, then open it again; the file was not changed.',
  },
  WORKSPACE_BUSY: {
    'zh-CN': '{{path}} 正被另一个程序写入，等待超时。请等那边的操作完成后重试；工作区保持原样。',
    en: '{{path}} is being written by another program and the wait timed out. Let that finish and try again; the workspace is as it was.',
  },
  WORKSPACE_IN_USE: {
    'zh-CN':
      '项目文件 {{path}} 已在别处打开（{{app}}，进程 {{pid}}，电脑 {{host}}，用户 {{user}}，自 {{since}} 起）。请先在那里关闭它。若确认那边已不在使用，可删除锁文件 {{lockFile}} 后重试。',
    en: 'The engagement file {{path}} is open elsewhere ({{app}}, process {{pid}} on {{host}}, user {{user}}, since {{since}}). Close it there first. If you are sure it is no longer in use there, delete the lock file {{lockFile}} and try again.',
  },
  WORKSPACE_MOVED: {
    'zh-CN': '项目文件 {{path}} 在打开期间被移动或删除，之后的操作不会再写入。请从它的新位置重新打开。',
    en: 'The engagement file {{path}} was moved or deleted while open; nothing more is written to it. Open it again from where it is now.',
  },
  PERMISSION_DENIED: {
    'zh-CN': '没有权限访问 {{path}}。请检查文件及其文件夹的权限，或换一个位置后重试。',
    en: 'Permission denied for {{path}}. Check the permissions of the file and its folder, or choose another place, and try again.',
  },
  RECOVERY_FAILED: {
    'zh-CN': '上次任务被中断，恢复工作区 {{path}} 时失败（{{detail}}）。文件没有被改动；请先备份该文件及其旁边的 -journal 文件，再联系支持人员。',
    en: 'The last job was interrupted and recovering {{path}} failed ({{detail}}). The file was not changed; back it up together with the -journal file beside it, then contact support.',
  },
  ENGINE_STOPPED: {
    'zh-CN': '计算引擎意外停止（{{reason}}），这次操作没有完成。引擎已重新启动；请再试一次。',
    en: 'The engine stopped unexpectedly ({{reason}}) and this call did not finish. The engine has restarted; please try again.',
  },
  JOB_STOPPED: {
    'zh-CN': '后台任务意外停止（{{reason}}），没有写入任何结果，工作区保持原样。',
    en: 'The background job stopped unexpectedly ({{reason}}); nothing was written and the workspace is as it was.',
  },
  UNTRUSTED_SENDER: {
    'zh-CN': '请求来自工作台不信任的页面，已拒绝。',
    en: 'The request came from a page the workbench does not trust and was refused.',
  },
  UNAUTHORIZED: {
    'zh-CN': '访问令牌缺失或不正确。请用 rwb serve 打印的完整链接（含 token）重新打开工作台。',
    en: 'Missing or wrong access token. Open the workbench again with the full link printed by rwb serve (it carries the token).',
  },
  DOWNLOAD_NOT_FOUND: {
    'zh-CN': '没有可下载的文件：{{path}}。只能下载工作台本次运行中导出的报告。',
    en: 'Nothing to download at {{path}}: only reports exported while the workbench has been running can be downloaded.',
  },
  PARAM_SET_INVALID: {
    'zh-CN': '参数集文件无效：{{detail}}',
    en: 'Invalid parameter set file: {{detail}}',
  },
  PARAM_SET_NOT_FOUND: {
    'zh-CN': '工作区中没有名为「{{name}}」的参数集。',
    en: 'This workspace has no parameter set named "{{name}}".',
  },
  CUSTOMER_NOT_FOUND: {
    'zh-CN': '工作区中没有客户编号为「{{key}}」的数据。',
    en: 'This workspace holds no data for customer key "{{key}}".',
  },
  CLOSE_OUT_INCOMPLETE: {
    'zh-CN':
      '个人字段已删除，但另一个连接（后台任务或另一个窗口）仍在读取 {{path}}，旧内容可能仍留在其 -wal 文件中。请关闭其他窗口或等任务结束后再执行一次收尾。',
    en: 'The personal fields were removed, but another connection (a background job or another window) is still reading {{path}}, so old content may remain in its -wal file. Close the other window or wait for the job, then run the close-out again.',
  },
  CONFIRMATION_REQUIRED: {
    'zh-CN': '此操作会删除数据且无法撤销：请在终端中确认，或加上 --yes。',
    en: 'This deletes data and cannot be undone: confirm at a terminal, or add --yes.',
  },
  CURRENCY_CODE_INVALID: {
    'zh-CN': '“{{code}}”不是有效的 ISO 4217 货币代码。请输入三个大写字母的代码，如 CNY、USD、EUR、HKD、SGD。',
    en: '"{{code}}" is not an ISO 4217 currency code. Enter a three-letter code such as CNY, USD, EUR, HKD or SGD.',
  },
  SAVED_VIEW_NAME_TAKEN: {
    'zh-CN': '已有名为“{{name}}”的视图。请换一个名称，或选择覆盖它。',
    en: 'A view named "{{name}}" already exists. Choose another name, or replace it.',
  },
  SAVED_VIEW_NOT_FOUND: {
    'zh-CN': '找不到编号为 {{id}} 的已保存视图（可能已被删除）。请刷新视图列表。',
    en: 'There is no saved view #{{id}} (it may have been deleted). Refresh the list of views.',
  },
  TABLE_EXPORT_UNKNOWN_COLUMN: {
    'zh-CN': '表格“{{table}}”没有列“{{column}}”。可导出的列：{{columns}}。',
    en: 'The table "{{table}}" has no column "{{column}}". Its columns: {{columns}}.',
  },
  FINDING_NOT_FOUND: {
    'zh-CN': '没有编号为「{{id}}」的草拟发现。当前的编号：{{ids}}。请先用 rwb findings 查看列表。',
    en: 'There is no drafted finding "{{id}}". The current ids: {{ids}}. List them first with rwb findings.',
  },
  PPTX_TEMPLATE_INVALID: {
    'zh-CN': '演示文稿模板 {{path}} 无法使用：{{detail}}。请选择用 PowerPoint 或 WPS 另存的 .pptx 文件。',
    en: 'The presentation template {{path}} cannot be used: {{detail}}. Choose a .pptx saved by PowerPoint or WPS.',
  },
  FEE_TERMS_INVALID: {
    'zh-CN': '收费条款不正确（{{field}}）：{{detail}}。请修改条款后重试。',
    en: 'The fee terms are invalid ({{field}}): {{detail}}. Correct the terms and try again.',
  },
  EXPERIMENT_INVALID: {
    'zh-CN': '实验设置不正确（{{field}}）：{{detail}}',
    en: 'The experiment is not set up correctly ({{field}}): {{detail}}',
  },
  BASELINE_NOT_FOUND: {
    'zh-CN': '还没有冻结的基准线。请先选择日期冻结基准线（成效评估 › 指标体系，或 rwb indicators FILE --baseline DATE）。',
    en: 'No baseline has been frozen yet. Freeze one at a date first (Impact › Indicators, or rwb indicators FILE --baseline DATE).',
  },
  VOC_LEXICON_INVALID: {
    'zh-CN': '工作区中保存的客户之声词库无法读取：{{reason}}。请在“客户之声 › 词库”中恢复默认词库后重新编辑。',
    en: 'The voice-of-the-customer lexicon saved in this workspace cannot be read: {{reason}}. Reset it to the shipped lexicon under Voice of the customer › Lexicon and edit it again.',
  },
  DIAGNOSE_NO_ORDERS: {
    'zh-CN':
      '没有可诊断的订单或合同：请先导入订单或合同（rwb import FILE --entity orders 或 --entity contracts）。如果这是一份带“是否流失”列的客户快照，请使用“流失风险”，以该列作为结果（rwb churn-model FILE --label column）。',
    en: 'No orders or contracts to diagnose: import orders or contracts (rwb import FILE --entity orders or --entity contracts). For a customer snapshot with a churned column, use Churn risk with that column as the outcome (rwb churn-model FILE --label column).',
  },
  VOC_NO_SURVEYS: {
    'zh-CN': '这个工作区还没有满意度调研数据（NPS 或满意度评分）。请先导入调研文件（rwb import FILE --entity surveys），再计算 NPS。',
    en: 'This workspace has no survey answers (NPS or satisfaction scores) yet. Import a survey file first (rwb import FILE --entity surveys), then compute NPS.',
  },
  CHURN_REVIEW_PERIOD: {
    'zh-CN': '复盘期间“{{period}}”无法识别。请写成 2026-09（月）、2026-Q3（季度）或 2026（年）。',
    en: 'The review period "{{period}}" is not understood. Write it as 2026-09 (a month), 2026-Q3 (a quarter) or 2026 (a year).',
  },
  CHURN_REVIEW_NO_CHURN: {
    'zh-CN':
      '无法复盘流失：客户没有流失日期，也没有订单可据以判断流失。请导入带流失日期的客户名单（rwb import FILE --entity customers，映射 churn_date），或导入订单后先运行诊断（rwb diagnose）。如果这是一份只有“是否流失”列的客户快照，请使用“流失风险”，以该列作为结果（rwb churn-model FILE --label column）。',
    en: 'No churn to review: the customers have no churn dates and there are no orders to judge churn by. Import customers with churn dates (rwb import FILE --entity customers, mapping churn_date), or import orders and run diagnostics first (rwb diagnose). For a customer snapshot with only a churned column, use Churn risk with that column as the outcome (rwb churn-model FILE --label column).',
  },
  CHURN_REVIEW_NEEDS_DIAGNOSTICS: {
    'zh-CN':
      '客户没有流失日期，流失按诊断的活跃定义（最后一次购买 + 活跃窗口）判断，但还没有诊断运行。请先运行诊断（rwb diagnose，或在“诊断”中点“运行”），再做流失复盘。',
    en: 'The customers have no churn dates, so churn is judged by the diagnostics’ activity definition (last purchase + the activity window), but there is no diagnostic run yet. Run diagnostics first (rwb diagnose, or Run in Diagnostics), then the churn review.',
  },
  CLV_SPLIT_DATE: {
    'zh-CN': '校准期截止日 {{date}} 必须早于预测基准日 {{asOf}}（留出期在两者之间）。请选一个更早的截止日，或把留出期设为 0。',
    en: 'The calibration end {{date}} must come before the as-of date {{asOf}} (the hold-out lies between them). Choose an earlier date, or set the hold-out to 0.',
  },
  INTERNAL: {
    'zh-CN': '内部错误：{{detail}}。工作区未被修改；请把此信息告诉开发人员。',
    en: 'Internal error: {{detail}}. The workspace was not changed; please report this message.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type Locale = 'zh-CN' | 'en';
export type ErrorCode = keyof typeof errorMessages;
export type ErrorParams = Record<string, string | number>;

/** Error as it travels in an envelope: plain data, because errors thrown across IPC lose their fields. */
export interface WireError {
  code: ErrorCode;
  message: string; // English, for logs; UIs render from code + params
  params: ErrorParams;
}

/** A param may carry its text per language as `name@zh-CN` beside `name` (a reader's own sentence); the language's wins. */
export function formatError(code: ErrorCode, params: ErrorParams, locale: Locale): string {
  const template: string = errorMessages[code][locale];
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[`${k}@${locale}`] ?? params[k] ?? ''));
}

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorMessages, code);
}

export function toLocale(value: string | undefined | null): Locale {
  return value && /^zh/i.test(value) ? 'zh-CN' : value && /^en/i.test(value) ? 'en' : 'zh-CN';
}
