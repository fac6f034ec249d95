// The environmental checklist used by the environment bureau at the same chemical enterprises.
import type { FindingCategory } from '../../../domain/schemas/finding';
import type { DemoItemSpec, DemoTemplateSpec } from './demo-district-template-types';

const item = (
  id: string,
  text: string,
  legalBasis: string,
  problem: string,
  requirement: string,
  category: FindingCategory,
): DemoItemSpec => ({ id, text, legalBasis, problem, requirement, category });

const hbf = '《中华人民共和国环境保护法》';
const sf = '《中华人民共和国水污染防治法》';
const dqf = '《中华人民共和国大气污染防治法》';
const gff = '《中华人民共和国固体废物污染环境防治法》';

export const environmentTemplate: DemoTemplateSpec = {
  key: 'environment',
  title: '化工企业环境保护检查表',
  agencyKind: 'environment',
  sections: [
    {
      title: '环评与排污许可',
      items: [
        item(
          'env-1-1',
          '建设项目依法开展环境影响评价并取得批复，无未批先建行为',
          `${hbf}第十九条`,
          '建设项目未依法进行环境影响评价即开工建设',
          '停止建设，依法补办环境影响评价手续',
          'management',
        ),
        item(
          'env-1-2',
          '防治污染的设施与主体工程同时设计、同时施工、同时投产使用，并通过竣工环境保护验收',
          `${hbf}第四十一条`,
          '污染防治设施未落实“三同时”或未通过竣工环境保护验收',
          '完善污染防治设施，组织竣工环境保护验收',
          'management',
        ),
        item(
          'env-1-3',
          '依法持有排污许可证并按证排污，环境管理台账记录完整',
          `${hbf}第四十五条；《排污许可管理条例》第十七条、第二十一条`,
          '未按排污许可证要求排污或环境管理台账不全',
          '按证排污，补齐环境管理台账并按期提交执行报告',
          'management',
        ),
        item(
          'env-1-4',
          '按规定实施清洁生产审核',
          '《中华人民共和国清洁生产促进法》第二十七条',
          '未按规定实施清洁生产审核',
          '委托开展清洁生产审核并落实审核方案',
          'management',
        ),
      ],
    },
    {
      title: '废水',
      items: [
        item(
          'env-2-1',
          '废水处理设施正常运行，运行记录完整，不通过暗管或不正常运行设施等方式逃避监管',
          `${sf}第三十九条`,
          '废水处理设施未正常运行或运行记录缺失',
          '立即恢复设施正常运行，完善运行记录',
          'wastewater',
        ),
        item(
          'env-2-2',
          '厂区雨污分流、清污分流，含有毒有害水污染物的工业废水分类收集和处理',
          `${sf}第四十五条`,
          '雨污分流不彻底，初期雨水或生产废水混入雨水管网',
          '改造厂区管网，实现雨污分流并收集处理初期雨水',
          'wastewater',
        ),
        item(
          'env-2-3',
          '安装水污染物排放自动监测设备，与生态环境部门联网并保证正常运行',
          `${sf}第二十三条`,
          '水污染物自动监测设备未正常运行或未联网',
          '修复自动监测设备并恢复联网，做好运维记录',
          'wastewater',
        ),
      ],
    },
    {
      title: '废气/VOCs',
      items: [
        item(
          'env-3-1',
          '产生含挥发性有机物废气的生产活动在密闭空间或设备中进行，并按规定安装、使用污染防治设施',
          `${dqf}第四十五条`,
          '含VOCs物料敞开操作，废气未有效收集处理',
          '实施密闭化改造，废气收集后接入处理设施',
          'waste_gas',
        ),
        item(
          'env-3-2',
          '有组织废气处理设施正常运行，排放符合大气污染物排放标准',
          `${dqf}第十八条`,
          '废气处理设施运行不正常，排放超标',
          '整改处理设施确保稳定达标排放，委托监测',
          'waste_gas',
        ),
        item(
          'env-3-3',
          '对管道、设备开展泄漏检测与修复（LDAR），减少物料泄漏，对泄漏物料及时收集处理',
          `${dqf}第四十七条`,
          '未开展泄漏检测与修复（LDAR）',
          '建立LDAR制度，按周期开展检测并及时修复泄漏点',
          'waste_gas',
        ),
        item(
          'env-3-4',
          '无组织排放得到有效控制，厂界无明显异味',
          `${dqf}第四十八条`,
          '无组织排放控制不到位，厂界有明显异味',
          '排查无组织排放源并落实收集处理措施',
          'waste_gas',
        ),
        item(
          'env-3-5',
          '安装大气污染物排放自动监测设备，与生态环境部门联网并保证正常运行',
          `${dqf}第二十四条`,
          '大气污染物自动监测设备未正常运行或未联网',
          '修复自动监测设备并恢复联网',
          'waste_gas',
        ),
      ],
    },
    {
      title: '危险废物',
      items: [
        item(
          'env-4-1',
          '危险废物贮存场所设置识别标志，按特性分类贮存，贮存期限不超过一年',
          `${gff}第七十七条、第八十一条`,
          '危险废物贮存场所标志缺失、混存或超期贮存',
          '规范贮存场所标志，分类贮存并及时处置超期危险废物',
          'hazardous_waste',
        ),
        item(
          'env-4-2',
          '制定危险废物管理计划，建立管理台账并如实申报',
          `${gff}第七十八条`,
          '危险废物管理台账不全或未如实申报',
          '完善危险废物管理计划和台账，如实申报',
          'hazardous_waste',
        ),
        item(
          'env-4-3',
          '转移危险废物执行转移联单制度，委托持有许可证的单位利用处置',
          `${gff}第八十条、第八十二条`,
          '危险废物转移未执行联单制度或委托无证单位处置',
          '停止违规转移，委托持证单位处置并补办转移联单',
          'hazardous_waste',
        ),
      ],
    },
    {
      title: '环境应急',
      items: [
        item(
          'env-5-1',
          '制定突发环境事件应急预案，报生态环境部门备案',
          `${hbf}第四十七条；《突发环境事件应急管理办法》第十三条`,
          '突发环境事件应急预案未编制、未修订或未备案',
          '修订突发环境事件应急预案并报备案',
          'emergency_response',
        ),
        item(
          'env-5-2',
          '定期开展环境应急演练，配备应急物资，事故应急池容量满足要求并保持空置',
          `${hbf}第四十七条`,
          '环境应急物资不足或事故应急池被占用',
          '补充应急物资，清空事故应急池并组织演练',
          'emergency_response',
        ),
      ],
    },
  ],
};
