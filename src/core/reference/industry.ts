/**
 * 国民经济行业分类 GB/T 4754-2017 (with Amendment No. 1, 2019): 门类 (section, A–T) and the 97 大类
 * (divisions, 2 digits), plus a validator for full codes such as `C2672` (letter + 2–4 digits).
 */
import type { Label } from './label.ts';

export interface IndustrySection {
  code: string; // 'A'..'T'
  label: Label;
  /** First and last 大类 of the section, inclusive. */
  divisions: [number, number];
}

export const INDUSTRY_SECTIONS: readonly IndustrySection[] = [
  { code: 'A', label: { 'zh-CN': '农、林、牧、渔业', 'en-US': 'Agriculture, forestry, animal husbandry and fishery' }, divisions: [1, 5] },
  { code: 'B', label: { 'zh-CN': '采矿业', 'en-US': 'Mining' }, divisions: [6, 12] },
  { code: 'C', label: { 'zh-CN': '制造业', 'en-US': 'Manufacturing' }, divisions: [13, 43] },
  { code: 'D', label: { 'zh-CN': '电力、热力、燃气及水生产和供应业', 'en-US': 'Electricity, heat, gas and water production and supply' }, divisions: [44, 46] },
  { code: 'E', label: { 'zh-CN': '建筑业', 'en-US': 'Construction' }, divisions: [47, 50] },
  { code: 'F', label: { 'zh-CN': '批发和零售业', 'en-US': 'Wholesale and retail trade' }, divisions: [51, 52] },
  { code: 'G', label: { 'zh-CN': '交通运输、仓储和邮政业', 'en-US': 'Transport, storage and postal services' }, divisions: [53, 60] },
  { code: 'H', label: { 'zh-CN': '住宿和餐饮业', 'en-US': 'Accommodation and catering' }, divisions: [61, 62] },
  { code: 'I', label: { 'zh-CN': '信息传输、软件和信息技术服务业', 'en-US': 'Information transmission, software and IT services' }, divisions: [63, 65] },
  { code: 'J', label: { 'zh-CN': '金融业', 'en-US': 'Finance' }, divisions: [66, 69] },
  { code: 'K', label: { 'zh-CN': '房地产业', 'en-US': 'Real estate' }, divisions: [70, 70] },
  { code: 'L', label: { 'zh-CN': '租赁和商务服务业', 'en-US': 'Leasing and business services' }, divisions: [71, 72] },
  { code: 'M', label: { 'zh-CN': '科学研究和技术服务业', 'en-US': 'Scientific research and technical services' }, divisions: [73, 75] },
  { code: 'N', label: { 'zh-CN': '水利、环境和公共设施管理业', 'en-US': 'Water conservancy, environment and public facilities management' }, divisions: [76, 79] },
  { code: 'O', label: { 'zh-CN': '居民服务、修理和其他服务业', 'en-US': 'Resident services, repair and other services' }, divisions: [80, 82] },
  { code: 'P', label: { 'zh-CN': '教育', 'en-US': 'Education' }, divisions: [83, 83] },
  { code: 'Q', label: { 'zh-CN': '卫生和社会工作', 'en-US': 'Health and social work' }, divisions: [84, 85] },
  { code: 'R', label: { 'zh-CN': '文化、体育和娱乐业', 'en-US': 'Culture, sports and entertainment' }, divisions: [86, 90] },
  { code: 'S', label: { 'zh-CN': '公共管理、社会保障和社会组织', 'en-US': 'Public administration, social security and social organisations' }, divisions: [91, 96] },
  { code: 'T', label: { 'zh-CN': '国际组织', 'en-US': 'International organisations' }, divisions: [97, 97] },
];

export interface IndustryDivision {
  code: string; // '01'..'97'
  section: string;
  label: Label;
}

// [code, zh, en] — zh names are the GB/T 4754-2017 大类 titles.
const DIVISION_ROWS: ReadonlyArray<readonly [string, string, string]> = [
  ['01', '农业', 'Agriculture'],
  ['02', '林业', 'Forestry'],
  ['03', '畜牧业', 'Animal husbandry'],
  ['04', '渔业', 'Fishery'],
  ['05', '农、林、牧、渔专业及辅助性活动', 'Support activities for agriculture, forestry, husbandry and fishery'],
  ['06', '煤炭开采和洗选业', 'Coal mining and washing'],
  ['07', '石油和天然气开采业', 'Extraction of petroleum and natural gas'],
  ['08', '黑色金属矿采选业', 'Mining of ferrous metal ores'],
  ['09', '有色金属矿采选业', 'Mining of non-ferrous metal ores'],
  ['10', '非金属矿采选业', 'Mining of non-metallic minerals'],
  ['11', '开采专业及辅助性活动', 'Mining support activities'],
  ['12', '其他采矿业', 'Other mining'],
  ['13', '农副食品加工业', 'Processing of agricultural and sideline food products'],
  ['14', '食品制造业', 'Food manufacturing'],
  ['15', '酒、饮料和精制茶制造业', 'Manufacture of liquor, beverages and refined tea'],
  ['16', '烟草制品业', 'Tobacco products'],
  ['17', '纺织业', 'Textiles'],
  ['18', '纺织服装、服饰业', 'Textile garments and apparel'],
  ['19', '皮革、毛皮、羽毛及其制品和制鞋业', 'Leather, fur, feather products and footwear'],
  ['20', '木材加工和木、竹、藤、棕、草制品业', 'Wood processing; wood, bamboo, rattan, palm and straw products'],
  ['21', '家具制造业', 'Furniture manufacturing'],
  ['22', '造纸和纸制品业', 'Paper and paper products'],
  ['23', '印刷和记录媒介复制业', 'Printing and reproduction of recording media'],
  ['24', '文教、工美、体育和娱乐用品制造业', 'Stationery, arts and crafts, sports and entertainment goods'],
  ['25', '石油、煤炭及其他燃料加工业', 'Processing of petroleum, coal and other fuels'],
  ['26', '化学原料和化学制品制造业', 'Chemical raw materials and chemical products'],
  ['27', '医药制造业', 'Pharmaceuticals'],
  ['28', '化学纤维制造业', 'Chemical fibres'],
  ['29', '橡胶和塑料制品业', 'Rubber and plastic products'],
  ['30', '非金属矿物制品业', 'Non-metallic mineral products'],
  ['31', '黑色金属冶炼和压延加工业', 'Smelting and pressing of ferrous metals'],
  ['32', '有色金属冶炼和压延加工业', 'Smelting and pressing of non-ferrous metals'],
  ['33', '金属制品业', 'Fabricated metal products'],
  ['34', '通用设备制造业', 'General-purpose machinery'],
  ['35', '专用设备制造业', 'Special-purpose machinery'],
  ['36', '汽车制造业', 'Motor vehicles'],
  ['37', '铁路、船舶、航空航天和其他运输设备制造业', 'Railway, ship, aerospace and other transport equipment'],
  ['38', '电气机械和器材制造业', 'Electrical machinery and equipment'],
  ['39', '计算机、通信和其他电子设备制造业', 'Computers, communication and other electronic equipment'],
  ['40', '仪器仪表制造业', 'Instruments and meters'],
  ['41', '其他制造业', 'Other manufacturing'],
  ['42', '废弃资源综合利用业', 'Utilisation of waste resources'],
  ['43', '金属制品、机械和设备修理业', 'Repair of metal products, machinery and equipment'],
  ['44', '电力、热力生产和供应业', 'Electricity and heat production and supply'],
  ['45', '燃气生产和供应业', 'Gas production and supply'],
  ['46', '水的生产和供应业', 'Water production and supply'],
  ['47', '房屋建筑业', 'Building construction'],
  ['48', '土木工程建筑业', 'Civil engineering'],
  ['49', '建筑安装业', 'Building installation'],
  ['50', '建筑装饰、装修和其他建筑业', 'Building decoration, renovation and other construction'],
  ['51', '批发业', 'Wholesale trade'],
  ['52', '零售业', 'Retail trade'],
  ['53', '铁路运输业', 'Railway transport'],
  ['54', '道路运输业', 'Road transport'],
  ['55', '水上运输业', 'Water transport'],
  ['56', '航空运输业', 'Air transport'],
  ['57', '管道运输业', 'Pipeline transport'],
  ['58', '多式联运和运输代理业', 'Multimodal transport and transport agency'],
  ['59', '装卸搬运和仓储业', 'Loading, unloading and warehousing'],
  ['60', '邮政业', 'Postal services'],
  ['61', '住宿业', 'Accommodation'],
  ['62', '餐饮业', 'Catering'],
  ['63', '电信、广播电视和卫星传输服务', 'Telecommunications, broadcasting and satellite transmission'],
  ['64', '互联网和相关服务', 'Internet and related services'],
  ['65', '软件和信息技术服务业', 'Software and IT services'],
  ['66', '货币金融服务', 'Monetary and financial services'],
  ['67', '资本市场服务', 'Capital market services'],
  ['68', '保险业', 'Insurance'],
  ['69', '其他金融业', 'Other financial services'],
  ['70', '房地产业', 'Real estate'],
  ['71', '租赁业', 'Leasing'],
  ['72', '商务服务业', 'Business services'],
  ['73', '研究和试验发展', 'Research and experimental development'],
  ['74', '专业技术服务业', 'Professional technical services'],
  ['75', '科技推广和应用服务业', 'Technology promotion and application services'],
  ['76', '水利管理业', 'Water conservancy management'],
  ['77', '生态保护和环境治理业', 'Ecological protection and environmental management'],
  ['78', '公共设施管理业', 'Public facilities management'],
  ['79', '土地管理业', 'Land management'],
  ['80', '居民服务业', 'Resident services'],
  ['81', '机动车、电子产品和日用产品修理业', 'Repair of motor vehicles, electronics and household goods'],
  ['82', '其他服务业', 'Other services'],
  ['83', '教育', 'Education'],
  ['84', '卫生', 'Health'],
  ['85', '社会工作', 'Social work'],
  ['86', '新闻和出版业', 'News and publishing'],
  ['87', '广播、电视、电影和录音制作业', 'Radio, television, film and sound recording'],
  ['88', '文化艺术业', 'Culture and arts'],
  ['89', '体育', 'Sports'],
  ['90', '娱乐业', 'Entertainment'],
  ['91', '中国共产党机关', 'Organs of the Communist Party of China'],
  ['92', '国家机构', 'State organs'],
  ['93', '人民政协、民主党派', 'CPPCC and democratic parties'],
  ['94', '社会保障', 'Social security'],
  ['95', '群众团体、社会团体和其他成员组织', 'Mass organisations, social groups and other membership organisations'],
  ['96', '基层群众自治组织及其他组织', 'Grassroots self-governing and other organisations'],
  ['97', '国际组织', 'International organisations'],
];

export function sectionOfDivision(division: number): IndustrySection | undefined {
  return INDUSTRY_SECTIONS.find((s) => division >= s.divisions[0] && division <= s.divisions[1]);
}

export const INDUSTRY_DIVISIONS: readonly IndustryDivision[] = DIVISION_ROWS.map(([code, zh, en]) => ({
  code,
  section: sectionOfDivision(Number(code))?.code ?? '?',
  label: { 'zh-CN': zh, 'en-US': en },
}));

const divisionByCode = new Map(INDUSTRY_DIVISIONS.map((d) => [d.code, d]));

export function industryDivision(code2: string): IndustryDivision | undefined {
  return divisionByCode.get(code2);
}

/**
 * 中类/小类 used by the demo data and the domain mapping, with their GB/T 4754-2017 names.
 * Not the full 1,380-entry table — extend as needed (docs/reference-data.md).
 */
export const INDUSTRY_CLASSES: Readonly<Record<string, string>> = {
  '0610': '烟煤和无烟煤开采洗选', '0711': '陆地石油开采', '0721': '陆地天然气开采', '1011': '石灰石、石膏开采', '1019': '粘土及其他土砂石开采',
  '1331': '食用植物油加工', '1391': '淀粉及淀粉制品制造', '1431': '米、面制品制造', '1441': '液体乳制造', '1512': '白酒制造',
  '1620': '卷烟制造', '1711': '棉纺纱加工', '1713': '棉印染精加工', '1752': '化纤织物染整精加工', '1819': '其他机织服装制造', '1951': '纺织面料鞋制造',
  '2021': '胶合板制造', '2110': '木质家具制造', '2221': '机制纸及纸板制造', '2231': '纸和纸板容器制造', '2319': '包装装潢及其他印刷', '2411': '文具制造',
  '2511': '原油加工及石油制品制造', '2614': '有机化学原料制造', '2631': '化学农药制造', '2641': '涂料制造', '2651': '初级形态塑料及合成树脂制造',
  '2661': '化学试剂和助剂制造', '2671': '炸药及火工产品制造', '2672': '焰火、鞭炮产品制造', '2682': '化妆品制造', '2710': '化学药品原料药制造',
  '2821': '锦纶纤维制造', '2822': '涤纶纤维制造', '2927': '日用塑料制品制造', '2929': '塑料零件及其他塑料制品制造',
  '3011': '水泥制造', '3021': '水泥制品制造', '3031': '粘土砖瓦及建筑砌块制造', '3052': '光学玻璃制造', '3074': '日用陶瓷制品制造',
  '3110': '炼铁', '3120': '炼钢', '3130': '钢压延加工', '3140': '铁合金冶炼', '3216': '铝冶炼', '3251': '铜压延加工', '3252': '铝压延加工',
  '3311': '金属结构制造', '3340': '金属丝绳及其制品制造', '3360': '金属表面处理及热处理加工', '3391': '黑色金属铸造', '3392': '有色金属铸造',
  '3411': '锅炉及辅助设备制造', '3421': '金属切削机床制造', '3441': '泵及真空设备制造', '3484': '机械零部件加工', '3511': '矿山机械制造',
  '3670': '汽车零部件及配件制造', '3731': '金属船舶制造', '3811': '发电机及发电机组制造', '3841': '锂离子电池制造', '3981': '电阻电容电感元件制造', '3982': '电子电路制造',
  '4011': '工业自动控制系统装置制造', '4320': '通用设备修理',
  '4411': '火力发电', '4430': '热力生产和供应', '4511': '天然气生产和供应业', '4512': '液化石油气生产和供应业',
  '4710': '住宅房屋建筑', '4811': '铁路工程建筑', '4813': '市政道路工程建筑', '4910': '电气安装', '5011': '公共建筑装饰和装修',
  '5162': '石油及制品批发', '5166': '化肥批发', '5169': '其他化工产品批发', '5211': '百货零售', '5212': '超级市场零售', '5219': '其他综合零售',
  '5265': '机动车燃油零售', '5266': '机动车燃气零售',
  '5411': '公共电汽车客运', '5431': '普通货物道路运输', '5435': '危险货物道路运输', '5920': '通用仓储', '5941': '油气仓储', '5942': '危险化学品仓储',
  '6110': '旅游饭店', '6121': '经济型连锁酒店', '6130': '民宿服务', '6210': '正餐服务', '6220': '快餐服务', '6291': '小吃服务',
  '8030': '洗浴和保健养生服务', '8040': '理发及美容服务', '8321': '普通小学教育', '8391': '职业技能培训',
  '8411': '综合医院', '8425': '门诊部（所）', '8514': '老年人、残疾人养护服务',
  '8810': '文艺创作与表演', '9011': '歌舞厅娱乐活动', '9013': '网吧活动', '7852': '游览景区管理', '7020': '物业管理',
};

export type IndustryCodeResult =
  | { ok: true; section: string; division: string; group?: string; klass?: string }
  | { ok: false; reason: 'format' | 'unknown-division' | 'section-mismatch' };

/**
 * Validate a GB/T 4754 code: `C`, `C26`, `C267`, `C2672`, or digits only (`2672`, section inferred).
 * The letter must be the 门类 that contains the 大类.
 */
export function parseIndustryCode(input: string): IndustryCodeResult {
  const code = input.trim().toUpperCase();
  const m = /^([A-T])?(\d{2,4})?$/.exec(code);
  if (!m || (!m[1] && !m[2])) return { ok: false, reason: 'format' };
  const letter = m[1];
  const digits = m[2];
  if (!digits) return INDUSTRY_SECTIONS.some((s) => s.code === letter) ? { ok: true, section: letter as string, division: '' } : { ok: false, reason: 'format' };
  const division = digits.slice(0, 2);
  const div = divisionByCode.get(division);
  if (!div) return { ok: false, reason: 'unknown-division' };
  if (letter && letter !== div.section) return { ok: false, reason: 'section-mismatch' };
  const out: IndustryCodeResult = { ok: true, section: div.section, division };
  if (digits.length >= 3) out.group = digits.slice(0, 3);
  if (digits.length === 4) out.klass = digits;
  return out;
}

export function isValidIndustryCode(code: string): boolean {
  return parseIndustryCode(code).ok;
}

/** Canonical form `C2672` from `2672` or `c2672`; null when invalid. */
export function normalizeIndustryCode(code: string): string | null {
  const r = parseIndustryCode(code);
  if (!r.ok) return null;
  return r.section + (r.klass ?? r.group ?? r.division);
}
