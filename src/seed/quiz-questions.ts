/**
 * A starting 逢查必考 question bank: questions on the duties of principals, safety managers and special operators as the
 * 安全生产法 (2021) and the special-operation rules put them, plus domain questions on the major-hazard criteria. The
 * administrator edits the bank (PUT /quiz-questions/:id); this set only makes a new installation usable.
 */
import type { QuestionValues } from '../modules/questions/questions.repo.ts';

const J = ['正确', '错误'];
const q = (role: string, industryDomain: string | null, kind: 'single' | 'multiple' | 'judge', stem: string, options: string[], answer: number[], explanation = ''): QuestionValues => ({
  role, industryDomain, kind, stem, options, answer, explanation, active: true,
});

export const STARTER_QUESTIONS: QuestionValues[] = [
  q('principal', null, 'single', '生产经营单位的安全生产第一责任人是？', ['主要负责人', '安全管理人员', '班组长', '分管负责人'], [0], '《安全生产法》第五条'),
  q('principal', null, 'multiple', '生产经营单位主要负责人的安全生产职责包括？', ['建立健全并落实全员安全生产责任制', '组织制定并实施安全生产规章制度和操作规程', '保证安全生产投入的有效实施', '组织制定并实施生产安全事故应急救援预案'], [0, 1, 2, 3], '《安全生产法》第二十一条'),
  q('principal', null, 'judge', '生产经营单位发现重大事故隐患，应当向负有安全生产监督管理职责的部门和职工大会或者职工代表大会报告。', J, [0], '《安全生产法》第四十一条'),
  q('principal', null, 'single', '发生生产安全事故后，单位负责人接到报告后，应当于多长时间内向有关部门报告？', ['1小时', '2小时', '12小时', '24小时'], [0], '《生产安全事故报告和调查处理条例》第九条'),
  q('principal', null, 'judge', '生产经营单位可以将生产经营项目发包给不具备安全生产条件的单位，只要签订安全协议即可。', J, [1], '《安全生产法》第四十九条'),
  q('principal', null, 'single', '重大事故隐患治理方案应当包括的内容不含下列哪项？', ['治理的目标和任务', '经费和物资的落实', '负责治理的机构和人员', '企业年度利润计划'], [3], '《安全生产事故隐患排查治理暂行规定》第十五条'),
  q('safety_manager', null, 'multiple', '安全生产管理人员应当履行的职责包括？', ['组织或者参与本单位安全生产教育和培训', '检查本单位的安全生产状况，及时排查生产安全事故隐患', '制止和纠正违章指挥、强令冒险作业、违反操作规程的行为', '决定企业年度经营计划'], [0, 1, 2], '《安全生产法》第二十五条'),
  q('safety_manager', null, 'judge', '生产经营单位应当建立安全风险分级管控制度，按照安全风险分级采取相应的管控措施。', J, [0], '《安全生产法》第四十一条'),
  q('safety_manager', null, 'single', '事故隐患排查治理情况应当如实记录，并通过职工大会或者职工代表大会、信息公示栏等方式向谁通报？', ['从业人员', '供应商', '客户', '股东'], [0], '《安全生产法》第四十一条'),
  q('safety_manager', null, 'single', '生产经营单位新上岗的从业人员，岗前安全培训时间一般不得少于多少学时？', ['8学时', '16学时', '24学时', '72学时'], [2], '《生产经营单位安全培训规定》第十三条'),
  q('safety_manager', null, 'judge', '劳务派遣人员不属于本单位从业人员，可以不纳入本单位安全生产教育和培训。', J, [1], '《安全生产法》第二十八条'),
  q('safety_manager', null, 'multiple', '动火、受限空间等危险作业前应当做到？', ['办理作业审批', '进行风险辨识并落实防范措施', '安排专门人员进行现场安全管理', '作业人员自行决定是否检测气体'], [0, 1, 2], '《安全生产法》第四十三条'),
  q('special_operator', null, 'judge', '特种作业人员必须经专门的安全技术培训并考核合格，取得特种作业操作证后方可上岗作业。', J, [0], '《特种作业人员安全技术培训考核管理规定》第五条'),
  q('special_operator', null, 'single', '特种作业操作证的有效期为几年？', ['3年', '4年', '6年', '10年'], [2], '《特种作业人员安全技术培训考核管理规定》第二十一条'),
  q('special_operator', null, 'single', '特种作业操作证每几年复审一次？', ['1年', '2年', '3年', '6年'], [2], '《特种作业人员安全技术培训考核管理规定》第二十一条'),
  q('special_operator', null, 'judge', '从业人员发现直接危及人身安全的紧急情况时，有权停止作业或者在采取可能的应急措施后撤离作业场所。', J, [0], '《安全生产法》第五十五条'),
  q('special_operator', null, 'multiple', '焊接作业前应当检查的内容包括？', ['作业区域内及周边有无易燃易爆物品', '消防器材是否配备', '是否办理动火审批', '焊机外壳接地是否可靠'], [0, 1, 2, 3]),
  q('special_operator', null, 'single', '高处作业是指在坠落高度基准面多少米以上有可能坠落的高处进行的作业？', ['1米', '2米', '3米', '5米'], [1], 'GB/T 3608'),
  q('principal', 'hazchem', 'judge', '涉及重点监管危险化工工艺的装置未实现自动化控制，系统未实现紧急停车功能的，应当判定为重大事故隐患。', J, [0], '安监总管三〔2017〕121号 第四项'),
  q('safety_manager', 'hazchem', 'single', '构成一级、二级重大危险源的危险化学品罐区未实现什么功能，应判定为重大事故隐患？', ['紧急切断功能', '视频监控', '门禁管理', '电子巡检'], [0], '安监总管三〔2017〕121号 第五项'),
  q('principal', 'metallurgy', 'judge', '会议室、活动室、休息室、操作室等场所设置在熔融金属吊运跨的地坪区域内的，应当判定为重大事故隐患。', J, [0], '《工贸企业重大事故隐患判定标准》第四条'),
  q('safety_manager', 'machinery', 'judge', '粉尘爆炸危险场所设置在非框架结构的多层建（构）筑物内的，应当判定为重大事故隐患。', J, [0], '《工贸企业重大事故隐患判定标准》第十一条'),
  q('safety_manager', null, 'judge', '有限空间作业未落实作业审批，或者未执行“先通风、再检测、后作业”要求的，属于重大事故隐患。', J, [0], '《工贸企业重大事故隐患判定标准》第十三条'),
  q('principal', null, 'single', '生产经营单位未采取措施消除事故隐患的，由负有安全生产监督管理职责的部门责令立即消除或者限期消除，处多少罚款？', ['五万元以下', '十万元以下', '二十万元以下', '五十万元以下'], [0], '《安全生产法》第一百零二条'),
];
