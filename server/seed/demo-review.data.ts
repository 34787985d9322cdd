/**
 * Applications of last year's ATP call, passed screening and waiting for expert review (issue 5).
 * Organisations, people and figures are illustrative. Amounts in US$ (whole dollars; the seed turns
 * them into cents); together they ask for more than the call's US$20 million, so the decision must choose.
 */
export interface DemoReviewApplication {
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  objectiveZh: string;
  fieldCode: 'manufacturing' | 'materials.lightweight' | 'manufacturing.3d_printing';
  lead: { nameZh: string; nameEn: string; size: 'sme' | 'large'; contactZh: string; contactEn: string };
  /** Index into DEMO_REVIEW_PARTNERS */
  partner: number;
  requestedUsd: number;
}

export const DEMO_REVIEW_PARTNERS = [
  {
    nameZh: '示例工业大学',
    nameEn: 'Example University of Industry (illustrative)',
    type: 'university',
    contactZh: '高远',
    contactEn: 'Gao Yuan',
  },
  {
    nameZh: '示例材料研究所',
    nameEn: 'Example Materials Research Institute (illustrative)',
    type: 'institute',
    contactZh: '何静',
    contactEn: 'He Jing',
  },
  {
    nameZh: '示例交通大学',
    nameEn: 'Example Jiaotong University (illustrative)',
    type: 'university',
    contactZh: '罗斌',
    contactEn: 'Luo Bin',
  },
  {
    nameZh: '示例先进制造研究院',
    nameEn: 'Example Advanced Manufacturing Institute (illustrative)',
    type: 'institute',
    contactZh: '宋佳',
    contactEn: 'Song Jia',
  },
] as const;

const lead = (
  nameZh: string,
  nameEn: string,
  size: 'sme' | 'large',
  contactZh: string,
  contactEn: string,
) => ({
  nameZh,
  nameEn: `${nameEn} (illustrative)`,
  size,
  contactZh,
  contactEn,
});

export const DEMO_REVIEW_APPLICATIONS: readonly DemoReviewApplication[] = [
  {
    titleZh: '激光粉末床熔融缺陷的声发射在线检测',
    titleEn: 'Acoustic-emission monitoring of defects in laser powder-bed fusion',
    summaryZh:
      '利用声发射与熔池光信号在线识别激光粉末床熔融过程中的气孔、未熔合等缺陷，建立缺陷判别模型并闭环调整工艺参数。',
    summaryEn:
      'Detect porosity and lack-of-fusion defects during laser powder-bed fusion from acoustic emission and melt-pool light, and adjust process parameters in closed loop.',
    objectiveZh: '缺陷在线识别准确率达到 95 %',
    fieldCode: 'manufacturing.3d_printing',
    lead: lead('示例增材科技有限公司', 'Example Additive Technologies Co., Ltd.', 'sme', '钱伟', 'Qian Wei'),
    partner: 0,
    requestedUsd: 1_800_000,
  },
  {
    titleZh: '铝合金车身构件热冲压成形工艺',
    titleEn: 'Hot stamping of aluminium-alloy car body parts',
    summaryZh: '研究高强铝合金板材热冲压—淬火一体化成形工艺，解决回弹与开裂问题，实现车身构件轻量化。',
    summaryEn:
      'Integrated hot stamping and quenching of high-strength aluminium sheet for car body parts, solving springback and cracking for lightweight vehicles.',
    objectiveZh: '构件减重 30 % 以上',
    fieldCode: 'materials.lightweight',
    lead: lead('示例汽车零部件股份有限公司', 'Example Auto Parts Corp.', 'large', '孙立', 'Sun Li'),
    partner: 2,
    requestedUsd: 1_600_000,
  },
  {
    titleZh: '碳纤维复合材料与金属的胶铆复合连接',
    titleEn: 'Hybrid adhesive and rivet joining of carbon-fibre composites to metal',
    summaryZh: '开发碳纤维增强复合材料与铝、钢的胶接—自冲铆复合连接工艺与强度预测方法。',
    summaryEn:
      'Adhesive bonding combined with self-piercing rivets for joining CFRP to aluminium and steel, with a method to predict joint strength.',
    objectiveZh: '接头静强度提高 40 %',
    fieldCode: 'materials.lightweight',
    lead: lead('示例复材连接技术有限公司', 'Example Composite Joining Ltd.', 'sme', '周敏', 'Zhou Min'),
    partner: 1,
    requestedUsd: 1_900_000,
  },
  {
    titleZh: '数控机床热误差建模与实时补偿',
    titleEn: 'Thermal error modelling and real-time compensation for CNC machine tools',
    summaryZh: '基于温度场测量与数据驱动模型预测数控机床主轴与进给系统热变形，并在控制器中实时补偿。',
    summaryEn:
      'Predict thermal deformation of CNC spindles and feed drives from temperature measurements with data-driven models, and compensate in the controller in real time.',
    objectiveZh: '热误差降低 70 %',
    fieldCode: 'manufacturing',
    lead: lead('示例精密机床有限公司', 'Example Precision Machine Tools Co.', 'sme', '吴刚', 'Wu Gang'),
    partner: 3,
    requestedUsd: 1_200_000,
  },
  {
    titleZh: '镁合金压铸件微观组织与疲劳性能',
    titleEn: 'Microstructure and fatigue of magnesium alloy die castings',
    summaryZh: '研究高压压铸镁合金的孔隙、组织与疲劳寿命的关系，提出面向轻量化结构件的设计准则。',
    summaryEn:
      'Relate porosity and microstructure of high-pressure die-cast magnesium alloys to fatigue life, and derive design rules for lightweight structural parts.',
    objectiveZh: '形成疲劳设计准则一套',
    fieldCode: 'materials.lightweight',
    lead: lead('示例轻合金压铸有限公司', 'Example Light Alloy Die Casting Co.', 'sme', '郑洁', 'Zheng Jie'),
    partner: 1,
    requestedUsd: 1_500_000,
  },
  {
    titleZh: '大型构件电弧增材制造路径规划',
    titleEn: 'Path planning for wire-arc additive manufacturing of large parts',
    summaryZh: '面向大型金属构件的电弧增材制造，研究沉积路径规划、层间温度控制与变形预测。',
    summaryEn:
      'Deposition path planning, interlayer temperature control and distortion prediction for wire-arc additive manufacturing of large metal parts.',
    objectiveZh: '成形精度优于 ±0.5 mm',
    fieldCode: 'manufacturing.3d_printing',
    lead: lead('示例重型装备集团', 'Example Heavy Equipment Group', 'large', '冯涛', 'Feng Tao'),
    partner: 3,
    requestedUsd: 2_000_000,
  },
  {
    titleZh: '工业机器人视觉引导柔性装配',
    titleEn: 'Vision-guided flexible assembly with industrial robots',
    summaryZh: '利用三维视觉与力控实现多品种小批量零件的机器人柔性装配。',
    summaryEn: 'Robotic assembly of varied small-batch parts guided by 3D vision and force control.',
    objectiveZh: '换型时间缩短至 10 分钟以内',
    fieldCode: 'manufacturing',
    lead: lead('示例智能装备有限公司', 'Example Intelligent Equipment Co.', 'sme', '陈晨', 'Chen Chen'),
    partner: 2,
    requestedUsd: 1_400_000,
  },
  {
    titleZh: '钛合金粉末回收再利用的质量评价',
    titleEn: 'Quality assessment of recycled titanium powder for additive manufacturing',
    summaryZh: '评价多次循环使用的钛合金粉末的氧含量、粒度与流动性变化及其对打印件性能的影响。',
    summaryEn:
      'How oxygen content, particle size and flowability of reused titanium powder change over cycles, and what that does to printed parts.',
    objectiveZh: '给出粉末回用次数上限与检测规程',
    fieldCode: 'manufacturing.3d_printing',
    lead: lead('示例粉末冶金材料有限公司', 'Example Powder Materials Co.', 'sme', '褚燕', 'Chu Yan'),
    partner: 1,
    requestedUsd: 1_100_000,
  },
  {
    titleZh: '复合材料构件超声无损检测自动化',
    titleEn: 'Automated ultrasonic non-destructive testing of composite parts',
    summaryZh: '基于机器人与相控阵超声实现复合材料构件分层、孔隙缺陷的自动检测与评估。',
    summaryEn:
      'Robot-mounted phased-array ultrasound to find and assess delamination and porosity in composite parts automatically.',
    objectiveZh: '检测效率提高 5 倍',
    fieldCode: 'materials.lightweight',
    lead: lead('示例无损检测技术有限公司', 'Example NDT Technologies Ltd.', 'sme', '卫东', 'Wei Dong'),
    partner: 0,
    requestedUsd: 1_700_000,
  },
  {
    titleZh: '数字孪生驱动的产线质量预测',
    titleEn: 'Digital-twin-based quality prediction on production lines',
    summaryZh: '构建离散制造产线的数字孪生模型，融合工艺数据预测产品质量并提前预警。',
    summaryEn:
      'A digital twin of a discrete manufacturing line that fuses process data to predict product quality and warn early.',
    objectiveZh: '质量预测准确率 90 %',
    fieldCode: 'manufacturing',
    lead: lead('示例工业软件有限公司', 'Example Industrial Software Co.', 'large', '蒋磊', 'Jiang Lei'),
    partner: 2,
    requestedUsd: 1_900_000,
  },
  {
    titleZh: '高强钢激光拼焊板成形极限研究',
    titleEn: 'Forming limits of laser-welded tailored blanks of high-strength steel',
    summaryZh: '测定高强钢激光拼焊板焊缝区的成形极限，建立考虑焊缝的冲压仿真方法。',
    summaryEn:
      'Measure forming limits across the weld of laser-welded high-strength steel blanks and build a stamping simulation that accounts for the weld.',
    objectiveZh: '仿真预测误差小于 10 %',
    fieldCode: 'materials.lightweight',
    lead: lead('示例钢铁深加工有限公司', 'Example Steel Processing Co.', 'large', '沈红', 'Shen Hong'),
    partner: 0,
    requestedUsd: 1_300_000,
  },
  {
    titleZh: '金属增材制造零件残余应力测量',
    titleEn: 'Residual stress measurement in metal additive-manufactured parts',
    summaryZh: '结合 X 射线衍射与轮廓法测量增材制造金属零件残余应力，并验证热处理消除效果。',
    summaryEn:
      'Measure residual stress in metal additive-manufactured parts by X-ray diffraction and the contour method, and verify stress relief by heat treatment.',
    objectiveZh: '建立残余应力测量标准草案',
    fieldCode: 'manufacturing.3d_printing',
    lead: lead('示例计量检测有限公司', 'Example Metrology Services Co.', 'sme', '韩雪', 'Han Xue'),
    partner: 3,
    requestedUsd: 1_600_000,
  },
  {
    titleZh: '轻量化电池包壳体一体化压铸',
    titleEn: 'Integrated die casting of lightweight battery enclosures',
    summaryZh: '开发免热处理铝合金与大型一体化压铸工艺，用于新能源汽车电池包壳体。',
    summaryEn:
      'Heat-treatment-free aluminium alloys and large one-piece die casting for electric-vehicle battery enclosures.',
    objectiveZh: '零件数量减少 60 %',
    fieldCode: 'materials.lightweight',
    lead: lead('示例新能源汽车有限公司', 'Example EV Manufacturing Co.', 'large', '杨帆', 'Yang Fan'),
    partner: 2,
    requestedUsd: 2_000_000,
  },
  {
    titleZh: '面向小批量生产的可重构柔性夹具',
    titleEn: 'Reconfigurable fixtures for small-batch production',
    summaryZh: '设计模块化、可重构的柔性夹具系统及其快速定位标定方法，服务中小企业多品种生产。',
    summaryEn:
      'Modular reconfigurable fixtures with fast locating and calibration, for SMEs producing many variants in small batches.',
    objectiveZh: '夹具换型时间缩短 80 %',
    fieldCode: 'manufacturing',
    lead: lead('示例夹具科技有限公司', 'Example Fixture Technologies Co.', 'sme', '朱琳', 'Zhu Lin'),
    partner: 0,
    requestedUsd: 1_500_000,
  },
];

/** The account of each application's lead (its applicant), in the order above. */
export const demoReviewApplicant = (i: number) => `review-demo-${String(i + 1).padStart(2, '0')}`;
