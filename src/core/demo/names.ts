/** Word lists for plausible Chinese person and company names (synthetic). */
import type { Rng } from './rng.ts';
import { pick, weighted, chance, randInt } from './rng.ts';

// Common surnames with rough frequency weights.
const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['王', 72], ['李', 70], ['张', 68], ['刘', 55], ['陈', 50], ['杨', 32], ['黄', 25], ['赵', 22], ['吴', 22], ['周', 21],
  ['徐', 17], ['孙', 16], ['马', 15], ['朱', 14], ['胡', 13], ['郭', 12], ['何', 11], ['高', 11], ['林', 11], ['罗', 10],
  ['郑', 10], ['梁', 9], ['谢', 8], ['宋', 8], ['唐', 8], ['许', 8], ['韩', 7], ['冯', 7], ['邓', 7], ['曹', 7],
  ['彭', 6], ['曾', 6], ['肖', 6], ['田', 6], ['董', 6], ['袁', 5], ['潘', 5], ['于', 5], ['蒋', 5], ['蔡', 5],
  ['余', 5], ['杜', 5], ['叶', 5], ['程', 4], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 4], ['任', 4], ['沈', 4],
  ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 3], ['金', 3],
  ['石', 3], ['廖', 3], ['贾', 3], ['夏', 3], ['韦', 2], ['顾', 3], ['缪', 1], ['殷', 1], ['季', 2], ['戴', 2],
];
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玲建国志红文斌波辉宇浩鹏飞翔凯婷雪琳晨阳峰亮健俊鑫欣佳丹瑞雨晴萍慧颖海东林荣兵新春雷蕾宁琪璐晓明';

export function personName(rng: Rng): string {
  const s = weighted(rng, SURNAMES);
  const n = chance(rng, 0.7) ? 2 : 1;
  let g = '';
  for (let i = 0; i < n; i++) g += pick(rng, [...GIVEN]);
  return s + g;
}

const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '157', '158', '159', '166', '173', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199'];

/** 11-digit mainland mobile number. */
export function mobile(rng: Rng): string {
  let s = pick(rng, MOBILE_PREFIXES);
  for (let i = 0; i < 8; i++) s += String(randInt(rng, 0, 9));
  return s;
}

// Trade-name syllables (字号). Two are combined.
export const TRADE_SYLLABLES = [...'华泰金恒鑫宏盛隆兴达通凯瑞祥源德昌丰汇嘉诚信安宝新中天利永康博远锦鼎宇明海力升正和裕翔辰晟佳禾澳润腾飞弘立圣捷创亿锐威强科光众成'];

// Road-name parts.
const ROAD_FIRST = [...'中山建康长江汉中龙蟠秦淮紫金太湖金鸡独墅东环人民干将石湖三香星湖宝带黄桥济川延令兴化银杏新华解放胜利江海'];
const ROAD_SUFFIX: ReadonlyArray<readonly [string, number]> = [['路', 6], ['大道', 2], ['街', 1], ['东路', 1], ['西路', 1], ['南路', 1], ['北路', 1]];

export function roadName(rng: Rng): string {
  const a = pick(rng, ROAD_FIRST);
  let b = pick(rng, ROAD_FIRST);
  while (b === a) b = pick(rng, ROAD_FIRST);
  return a + b + weighted(rng, ROAD_SUFFIX);
}
