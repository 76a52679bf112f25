### c2c：领域封闭词表（简体中文）。
### 消息标识为 <词表>-<代码>，代码与程序序列化的取值完全一致。
### 与英文词表（en/vocab.ftl）的消息标识一一对应。

## 合作叙事的八个步骤

step-AIM = 目标
step-COMMIT = 承诺
step-PARTNER = 伙伴
step-PLAN = 计划
step-DO = 实施
step-MEASURE = 评估
step-ACT = 调整
step-REPLICATE = 复制推广

## 各步骤要回答的问题

step-question-AIM = 城市为何开展国际伙伴合作，希望从中获得什么？
step-question-COMMIT = 城市将如何实现目标？投入哪些资源？由谁负责什么？
step-question-PARTNER = 与谁合作？首先在哪些领域合作？
step-question-PLAN = 开展哪些活动？资金从何而来？何时完成？
step-question-DO = 各项活动是否在按计划实施？
step-question-MEASURE = 伙伴关系是否取得了成效？
step-question-ACT = 需要作出哪些调整？
step-question-REPLICATE = 哪些经验可在本地和其他地方复制推广？

## 循环（工作路径）

loop-NEW_PARTNERSHIP = 新伙伴关系
loop-CONTINUAL_IMPROVEMENT = 持续改进
# 螺旋：本地政府、高校与科研机构、企业组成的三螺旋，加上社会组织与公众即为四螺旋。
loop-LOCAL_HELIX_BUILDING = 本地螺旋体系建设
loop-CITY_DEVELOPMENT = 城市发展

## 各循环的含义

loop-meaning-NEW_PARTNERSHIP = 城市沿用现行的目标和承诺，借鉴一项已结束的伙伴关系的经验，与新的伙伴城市建立另一项伙伴关系。
loop-meaning-CONTINUAL_IMPROVEMENT = 修订合作计划（形成新的计划版本），例如制定年度行动计划，或每三年续签一次谅解备忘录。
loop-meaning-LOCAL_HELIX_BUILDING = 城市重新组织本地三螺旋/四螺旋力量并再次作出承诺（角色、资源、团队）；与伙伴城市的协议继续有效。
loop-meaning-CITY_DEVELOPMENT = 城市全面重新审视其战略，通常发生在政治领导层换届之后。

## 循环的重新进入方式

reentry-SAME_PARTNERSHIP = 同一伙伴关系，进入下一轮
reentry-NEW_PARTNERSHIP = 新的伙伴关系

## 伙伴关系状态

status-ACTIVE = 进行中
status-SUSPENDED = 已暂停
status-CONCLUDED = 已结束
status-TERMINATED = 已终止

## 流转操作

move-START = 启动
move-ADVANCE = 推进
# 结束当前循环，并在新一轮中重新进入。
move-LOOP_BACK = 循环返回
# 在“复制推广”步骤，由同一城市另建一项新的伙伴关系。
move-SPAWN = 衍生新伙伴关系
move-SUSPEND = 暂停
move-RESUME = 恢复
move-CONCLUDE = 结束
move-TERMINATE = 终止

## 退出条件：目标（清单标题，随后为规则）

criterion-AIM_VISION = 已明确愿景
criterion-rule-AIM_VISION = 城市战略写明了愿景。
criterion-AIM_OBJECTIVE = 已设定长期目标
criterion-rule-AIM_OBJECTIVE = 战略至少设定了一项长期目标。
criterion-AIM_THEME = 已选定合作领域
criterion-rule-AIM_THEME = 战略至少确定了一个合作领域。
criterion-AIM_STAKEHOLDER = 已确定本地利益相关方
criterion-rule-AIM_STAKEHOLDER = 战略至少确定了一个本地利益相关方（政府部门、高校与科研机构、企业或社会组织）。
criterion-AIM_RENEWED = 本轮已更新战略
criterion-rule-AIM_RENEWED = 自第二轮起，本轮已记录新的战略版本。

## 退出条件：承诺

criterion-COMMIT_POLITICAL = 已记录政治承诺
criterion-rule-COMMIT_POLITICAL = 已记录政治承诺，并注明批准机构或批准人、日期和文号。
criterion-COMMIT_PRIORITY = 优先事项已与目标挂钩
criterion-rule-COMMIT_PRIORITY = 承诺至少设定了一项优先事项，且每项优先事项均与一项战略目标挂钩。
criterion-COMMIT_ROLES = 已明确相关方职责
criterion-rule-COMMIT_ROLES = 至少有一个利益相关方明确了角色和职责。
criterion-COMMIT_RESOURCES = 已落实资源和联络团队
criterion-rule-COMMIT_RESOURCES = 至少投入了一项资源（预算、人员、实物、基础设施等），并指定了联络团队。
criterion-COMMIT_RENEWED = 本轮已更新承诺
criterion-rule-COMMIT_RENEWED = 自第二轮起，本轮已记录新的承诺版本。

## 退出条件：伙伴

criterion-PARTNER_COUNTERPART = 已选定伙伴城市
criterion-rule-PARTNER_COUNTERPART = 已选定一个不同于发起城市的伙伴城市。
criterion-PARTNER_ASSESSMENT = 已完成伙伴遴选评估
criterion-rule-PARTNER_ASSESSMENT = 已按遴选标准对选定的伙伴城市进行评估，且每组标准中至少有一项评定为“符合”或“不符合”。
criterion-PARTNER_PRIORITY = 已商定首批优先领域
criterion-rule-PARTNER_PRIORITY = 两市至少共同商定了一个首批优先合作领域。
criterion-PARTNER_AGREEMENT = 已签署框架协议
criterion-rule-PARTNER_AGREEMENT = 两市均已签署框架协议（谅解备忘录或类似文件）且该协议在流转之日有效，或已签署写明双方商定的首批优先领域的联合项目协议。

## 退出条件：计划

criterion-PLAN_ACTIVITY = 计划已列入活动
criterion-rule-PLAN_ACTIVITY = 已制定合作计划，且其中至少包含一项活动。
criterion-PLAN_ACTIVITY_COMPLETE = 各项活动要素齐全
criterion-rule-PLAN_ACTIVITY_COMPLETE = 每项活动均明确了牵头方（城市及相关方）、资金来源、开始日期和截止日期（开始不晚于截止）以及预期成果。
criterion-PLAN_APPROVED = 计划已获两市批准
criterion-rule-PLAN_APPROVED = 该计划版本已获两市政治批准。
criterion-PLAN_REVISED = 本轮已修订计划
criterion-rule-PLAN_REVISED = 自第二轮起，获批的计划版本是在本轮中制定的。

## 退出条件：实施

criterion-DO_TEAMS = 各市团队已到位
criterion-rule-DO_TEAMS = 每项正在开展的活动（进行中，或计划于流转之日或之前开始）均有参与各市派出的团队。
criterion-DO_PROGRESS = 本轮已报告进展
criterion-rule-DO_PROGRESS = 每项正在开展的活动在本轮均有进展报告。
criterion-DO_DELIVERED = 本轮已有活动成果
criterion-rule-DO_DELIVERED = 本轮至少有一项活动已完成或已报告进展（取消不计在内）。
criterion-DO_RISKS_OWNED = 高风险已有人负责应对
criterion-rule-DO_RISKS_OWNED = 每项未解决的高风险均有负责人和应对措施。

## 退出条件：评估

criterion-MEASURE_FRAMEWORK = 已建立评估框架
criterion-rule-MEASURE_FRAMEWORK = 评估框架至少选定了一项绩效指标，每项指标均与一项战略目标挂钩，并设有目标值和负责报送的城市。
criterion-MEASURE_KPI_CAPTURED = 本轮已采集指标数据
criterion-rule-MEASURE_KPI_CAPTURED = 每项选定的绩效指标在本轮均有各报送城市提交的测量数据。
criterion-MEASURE_FEEDBACK = 已收集团队反馈
criterion-rule-MEASURE_FEEDBACK = 本轮至少收到一条来自团队的反馈。
criterion-MEASURE_EVALUATION = 已完成本轮评估
criterion-rule-MEASURE_EVALUATION = 本轮评估列明了优势、挑战和建议的调整（明确注明“无”亦可）。

## 退出条件：调整

criterion-ACT_DECIDED = 所有调整建议均已决定
criterion-rule-ACT_DECIDED = 每项调整建议均已批准或否决。
criterion-ACT_APPROVED = 决定已获两市批准
criterion-rule-ACT_APPROVED = 整套决定已获两市政治批准。

## 退出条件：复制推广

criterion-REPLICATE_LESSONS = 已记录成功因素
criterion-rule-REPLICATE_LESSONS = 本轮至少记录了一项成功因素。
criterion-REPLICATE_EXPOST = 已完成事后评估
criterion-rule-REPLICATE_EXPOST = 事后评估涵盖每项战略目标：预期成果、实际成果及两者差距。

## 自“伙伴”步骤起，每次推进和循环返回均须满足的条件

criterion-AGREEMENT_IN_FORCE = 协议处于有效期内
criterion-rule-AGREEMENT_IN_FORCE = 流转之日有一项经两市签署且仍然有效的协议（续签协议延续原协议的效力）。

## 合作领域

area-ECONOMY_TRADE = 经济与贸易
area-INVESTMENT = 投资
area-INNOVATION = 科技创新
area-CREATIVE_INDUSTRIES = 文化创意产业
area-EDUCATION_RESEARCH = 教育与科研
area-HEALTH_LIFE_SCIENCES = 健康与生命科学
area-ENERGY = 能源
area-ENVIRONMENT_CLIMATE = 环境与气候
area-TRANSPORT_LOGISTICS = 交通与物流
area-URBAN_DEVELOPMENT = 城市可持续发展
area-SMART_CITY = 智慧城市
area-CULTURE = 文化
area-SPORT = 体育
area-TOURISM = 旅游
# 涵盖民间组织、青少年及人文交流。
area-CIVIL_SOCIETY_YOUTH = 民间与青年交流
area-GOVERNANCE = 治理与公共管理
area-AGRICULTURE_FOOD = 农业与食品

## 地方政府层级

city-level-CITY = 市
# 城市下辖的区，如柏林米特区。
city-level-DISTRICT = 区
# 都市圈或城市区域，如利兹城市区域。
city-level-METROPOLITAN_AREA = 都市圈
# 欧洲的大区一级行政区，如波兰罗兹省、西班牙卡斯蒂利亚-莱昂。
city-level-REGION = 大区
city-level-PROVINCE = 省

## 利益相关方所属螺旋

helix-GOVERNMENT = 政府部门
helix-ACADEMIA = 高校与科研机构
helix-INDUSTRY = 企业与产业界
# 第四螺旋：公众及其组织。
helix-CIVIL_SOCIETY = 社会组织与公众

## 利益相关方参与方式

# 推动合作向前发展。
involvement-PROMOTER = 推动方
# 提供资金。
involvement-INVESTOR = 出资方
# 实施活动和项目。
involvement-DELIVERER = 实施方
# 使用合作成果。
involvement-CONSUMER = 成果使用方
# 本市以外的机构：国家部门、其他城市或组织。
involvement-EXTERNAL = 外部方

## 协议类型

agreement-kind-MOU = 谅解备忘录
agreement-kind-LETTER_OF_INTENT = 意向书
# 正式结好协议，与“友好城市协议”区分。
agreement-kind-SISTER_CITY = 姐妹城市协议
# 友好城市协议，与“姐妹城市协议”区分。
agreement-kind-FRIENDSHIP_CITY = 友好城市协议
agreement-kind-FRAMEWORK = 框架协议
agreement-kind-STRATEGIC = 战略合作伙伴协议
agreement-kind-PROJECT_AGREEMENT = 联合项目协议

## 交往类型

contact-kind-MEETING = 会谈
contact-kind-DELEGATION = 代表团
contact-kind-VISIT = 访问
# 电话或视频通话。
contact-kind-CALL = 通话
# 论坛、展会或节庆活动。
contact-kind-EVENT = 活动

## 交往方向（从记录城市的角度）

# 记录城市前往伙伴城市。
contact-direction-OUTBOUND = 出访
# 伙伴城市前来记录城市。
contact-direction-INBOUND = 来访

## 活动状态

activity-status-PLANNED = 计划中
activity-status-IN_PROGRESS = 进行中
activity-status-COMPLETED = 已完成
activity-status-CANCELLED = 已取消

## 风险的可能性或影响程度

level-LOW = 低
level-MEDIUM = 中
level-HIGH = 高

## 风险状态

# 风险仍然存在。
risk-status-OPEN = 未解决
risk-status-MITIGATED = 已缓解
# 风险已不再相关。
risk-status-CLOSED = 已关闭

## 伙伴遴选标准（指南图9）

selection-REPRESENTS_CITY = 该机构即为城市本身，或正式/充分代表城市利益
selection-WORKS_WITH_HELIX = 该城市与三螺旋利益相关方紧密合作开展联合项目
selection-CRITICAL_MASS = 该城市的三螺旋生态系统（独立或通过合作）具备足够体量，能够实现并推动预期目标
selection-INTERNATIONAL_STRATEGY = 该城市已制定涵盖中欧合作的国际合作战略
selection-HISTORICAL_BASIS = 两市在城市发展合作方面已有历史基础（例如已建立友好城市关系）
selection-MOU_SIGNED_OR_INTENDED = 两市（或其所在地机构）已签署或有意签署谅解备忘录或其他在特定领域开展合作的承诺文件
selection-SHARED_AIMS = 两市及其三螺旋生态系统在城市可持续发展的特定领域拥有共同目标
selection-SHARED_AGENDA = 上述目标属于URBAN-EU-CHINA正在制定的研究与创新议程
selection-REFERENCE_FOR_LEARNING = 两市中至少一方可在城市可持续发展方面作为参照，供对方借鉴学习
selection-PEER_TO_PEER = 两市均可参与对等交流活动
selection-WISHES_TO_HOST = 两市中至少一方希望承办一个与城市可持续发展相关的联合项目
selection-PLATFORM_INTEREST = 该城市（机构）有意加入URBAN-EU-CHINA平台

## 遴选标准分组

selection-group-POTENTIAL = 潜力
selection-group-OPPORTUNITY = 机遇
selection-group-SIMILARITY = 相似性与共同点
selection-group-WILLINGNESS = 意愿

## 遴选标准的评定

answer-MET = 符合
answer-NOT_MET = 不符合
answer-UNKNOWN = 尚不清楚

## 政治批准的对象

# 合作计划的某一版本。
approval-subject-PLAN = 合作计划
# 某一轮“调整”步骤所作决定的某一版本。
approval-subject-DECISIONS = 调整决定

## 调整建议的决定结果

outcome-APPROVED = 批准
outcome-REJECTED = 否决

## 经验类型

lesson-kind-SUCCESS_FACTOR = 成功因素
lesson-kind-FAILURE_FACTOR = 失败因素
lesson-kind-KNOWLEDGE_TRANSFER = 知识转移
# 参与平台或城市网络。
lesson-kind-PLATFORM_PARTICIPATION = 平台参与

## 绩效指标的单位

unit-COUNT = 数量
unit-MONEY = 金额
unit-PERCENT = 百分比
unit-SCORE_1_5 = 评分（1–5）
unit-TEXT = 文本

## 绩效指标的方向

direction-HIGHER_IS_BETTER = 越高越好
direction-LOWER_IS_BETTER = 越低越好
# 无所谓高低：文本或背景数据。
direction-NONE = 无方向

## 绩效指标目录（指南表5）

kpi-HIGH_LEVEL_VISITS = 接待高层访问或代表团
kpi-PARTNER_EVENT_PARTICIPATION = 伙伴城市参加本市重要活动
kpi-DIRECT_CONNECTIONS = 两市间的直航航班、海运航线和铁路连接
kpi-JOINT_PROJECTS = 联合项目的数量、规模或金额
kpi-FDI_INBOUND = 本市吸引的外商直接投资
kpi-INVESTMENT_OUTBOUND = 本市对伙伴城市的投资
kpi-TRADE_VOLUME = 两市、两地区或两国之间的贸易额
kpi-COMPANIES_OUTBOUND = 在伙伴城市开展业务的本市企业
kpi-COMPANIES_INBOUND = 在本市开展业务的伙伴城市企业
kpi-VISITORS = 吸引的外国访客和游客
kpi-NONCOMMERCIAL_EXCHANGES = 非商业组织之间的交流（体育、文化、青少年、教育）
kpi-ACADEMIC_ACTIVITIES = 联合培养项目、联合学位及师生交流
kpi-FOREIGN_STUDENTS = 吸引的外国留学生
kpi-JOINT_SCIENTIFIC_OUTPUT = 联合发表的论文、专利及联合研究经费
kpi-PARTNERSHIP_QUALITY = 伙伴关系的质量及其价值
kpi-NEW_KNOWLEDGE = 通过伙伴关系获得的新知识
kpi-REPUTATION = 本市在伙伴城市或伙伴国家的声誉
kpi-PUBLICITY = 伙伴关系活动获得的宣传报道

## 绩效指标类别

kpi-category-POLITICAL = 政治交往
kpi-category-CONNECTIVITY = 互联互通
kpi-category-COOPERATION = 项目合作
kpi-category-ECONOMIC = 经济
kpi-category-PEOPLE = 人文交流
kpi-category-ACADEMIC = 学术
kpi-category-QUALITATIVE = 定性指标

## 伙伴关系历史事件

event-STARTED = 伙伴关系已启动
event-ADVANCED = 已推进到下一步骤
event-LOOPED_BACK = 循环返回，开始新一轮
event-SPAWNED = 已衍生新伙伴关系
event-SUSPENDED = 伙伴关系已暂停
event-RESUMED = 伙伴关系已恢复
event-CONCLUDED = 伙伴关系已结束
event-TERMINATED = 伙伴关系已终止
event-COUNTERPART_CHOSEN = 已选定伙伴城市
event-ASSESSMENT_RECORDED = 已记录遴选评估
# 会谈、代表团、访问、通话或活动。
event-CONTACT_RECORDED = 已记录交往活动
# 城市的联系人（关键联系人变动）。
event-CONTACT_PERSON_RECORDED = 已记录联系人
event-FOLLOW_UP_RECORDED = 已记录后续跟进
event-AGREEMENT_RECORDED = 已记录协议
# 一方城市的签署。
event-AGREEMENT_SIGNED = 已签署协议
# 一方城市同意某个首批优先领域。
event-PRIORITY_AGREED = 已同意首批优先领域
event-PLAN_RECORDED = 已记录合作计划
event-ACTIVITY_RECORDED = 已记录活动
event-TEAM_RECORDED = 已记录团队
event-PROGRESS_REPORTED = 已报告进展
event-RISK_RECORDED = 已记录风险
event-KPI_SELECTED = 已选定绩效指标
event-MEASUREMENT_RECORDED = 已记录指标数据
event-FEEDBACK_RECORDED = 已记录反馈
event-EVALUATION_RECORDED = 已记录评估
event-ADJUSTMENT_PROPOSED = 已提出调整建议
event-ADJUSTMENT_DECIDED = 已就调整建议作出决定
# 一方城市对计划版本或整套决定的政治批准。
event-APPROVED = 已记录政治批准
event-LESSON_RECORDED = 已记录经验教训
event-EX_POST_RECORDED = 已记录事后评估

## 城市自身历史事件

event-STRATEGY_RECORDED = 已记录新版战略
event-COMMITMENT_RECORDED = 已记录新版承诺

## 账户角色

# 管理城市、账户和绩效指标目录；可查看全部内容。
role-OPERATOR = 平台运营方
role-EDITOR = 编辑者
role-VIEWER = 查看者
