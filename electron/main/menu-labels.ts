import type { Locale } from '../../shared/errors';

// The menu is drawn by the main process, outside the renderer's catalogue.
export const menuLabels: Record<
  Locale,
  Record<'file' | 'new' | 'open' | 'recent' | 'none' | 'demo' | 'backup' | 'close' | 'quit' | 'edit' | 'view', string>
> = {
  'zh-CN': {
    file: '文件',
    new: '新建项目…',
    open: '打开项目…',
    recent: '最近打开',
    none: '（无）',
    demo: '打开演示项目',
    backup: '备份项目…',
    close: '关闭项目',
    quit: '退出',
    edit: '编辑',
    view: '视图',
  },
  en: {
    file: 'File',
    new: 'New engagement…',
    open: 'Open engagement…',
    recent: 'Open recent',
    none: '(none)',
    demo: 'Open demo engagement',
    backup: 'Back up engagement…',
    close: 'Close engagement',
    quit: 'Quit',
    edit: 'Edit',
    view: 'View',
  },
};
