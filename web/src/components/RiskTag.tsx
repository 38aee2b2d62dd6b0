// 风险等级 four colours: 红 red, 橙 orange, 黄 yellow, 蓝 blue.
import { Tag } from 'antd';
import { useDict } from '../lib/dict.tsx';
import { useT } from '../i18n/index.tsx';

const COLORS: Record<string, string> = { red: 'red', orange: 'orange', yellow: 'gold', blue: 'blue' };

export function RiskTag({ level }: { level: string | null | undefined }) {
  const { label } = useDict();
  const t = useT();
  if (!level) return <>—</>;
  const fallback: Record<string, string> = {
    red: t('risk.red'),
    orange: t('risk.orange'),
    yellow: t('risk.yellow'),
    blue: t('risk.blue'),
  };
  const text = label('riskLevels', level);
  return (
    <Tag color={COLORS[level] ?? 'default'} variant="solid" data-risk={level}>
      {text && text !== level ? text : (fallback[level] ?? level)}
    </Tag>
  );
}
