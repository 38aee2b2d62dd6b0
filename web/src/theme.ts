import type { ThemeConfig } from 'antd';

// A sober government look: 政务蓝 primary, system CJK font stack, compact header.
export const PRIMARY = '#1f4e9c';

export const FONT_FAMILY =
  'system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "Hiragino Sans GB", "Segoe UI", Roboto, sans-serif';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    colorInfo: PRIMARY,
    colorLink: PRIMARY,
    borderRadius: 4,
    fontFamily: FONT_FAMILY,
    colorBgLayout: '#f0f2f5',
  },
  components: {
    Layout: { headerBg: PRIMARY, headerHeight: 52, headerPadding: '0 16px', siderBg: '#ffffff', triggerBg: '#f5f7fa', triggerColor: '#1f4e9c' },
    Menu: { itemSelectedBg: '#e8eef8', itemSelectedColor: PRIMARY, itemBorderRadius: 0, itemMarginInline: 0, itemMarginBlock: 0 },
    Table: { headerBg: '#f3f6fb' },
    Card: { headerFontSize: 15 },
  },
};
