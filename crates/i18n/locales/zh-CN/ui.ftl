### c2c：网页应用自身的文字（简体中文）。
### 与英文目录（en/ui.ftl）的消息标识完全一致。

## 框架

skip-to-content = 跳到正文
brand-tagline = 城市间伙伴合作
nav-label = 主导航
nav-board = 看板
nav-awaiting = 待本市处理
nav-start = 发起伙伴关系
nav-invite = 邀请同事
signout = 退出登录

## 登录

signin-title = 登录
signin-email = 电子邮箱
signin-password = 密码
signin-submit = 登录
signin-hint = 还没有账户？请同事或平台运营方向您发送邀请。
signin-refused = 电子邮箱或密码不正确。
signin-locked = 失败次数过多，请于 { $until } 之后再试。
signin-link-title = 使用登录链接
signin-link-text = 此一次性链接可让您登录，仅能使用一次。
invitation-title = 接受邀请
invitation-for = 欢迎，{ $name }。请设置密码以开通账户。
invitation-role = 角色
invitation-password = 新密码（至少 10 个字符）
invitation-repeat = 再次输入密码
invitation-submit = 开通账户
invitation-repeat-differs = 两次输入的密码不一致。
invitation-password-short = 密码至少需要 { $count } 个字符。

## 出错

failure-back = 返回看板
failure-not-found-title = 未找到
failure-not-found-text = 此页面不存在，或您的账户无权查看。
failure-expired-title = 表单已过期
failure-expired-text = 页面打开时间过长，或在另一个会话中打开。请返回、刷新页面后重试。
failure-forbidden-title = 无权操作
failure-forbidden-text = 您的账户无权执行此操作。
failure-unavailable-title = 平台暂时无法访问
failure-unavailable-text = 数据库暂未响应，未做任何更改。请几秒后重试。
failure-internal-title = 出现问题
failure-internal-text = 请求未能完成，已记录在案；请稍后重试。

## 看板

board-title = 本市的伙伴关系
board-empty = 本市尚无伙伴关系。
board-no-counterpart = 尚未确定伙伴城市
board-initiated-by = 由{ $city }发起
board-loop-cycle = { $loop }，第 { $cycle } 轮
board-days-in-step = 已在本步骤 { $count } 天
badge-awaiting-us = 待本市处理
badge-agreement-expiring = 协议即将到期
badge-delegation-unfollowed = 代表团访问未跟进
badge-stalled = 停滞

## 伙伴关系

partnership-of = { $city }的伙伴关系
partnership-state = { $status } · { $loop } · 第 { $cycle } 轮 · 版本 { $version }
steps-label = 八个步骤
checklist-title = 完成“{ $step }”步骤：核对清单
criterion-met = 已满足
criterion-unmet = 未满足
moves-title = 当前可执行的操作
moves-none = 该伙伴关系已结束，无可执行的操作。
move-advance-to = 进入“{ $step }”
move-loop-back-by = 回环：{ $loop }
move-not-ready = 尚未就绪：请查看核对清单。
counterpart = 伙伴城市
assessment = 伙伴遴选评估
priorities-title = 首批优先领域
priorities-none = 尚未商定首批优先领域。
priority-joint = 双方城市均已同意
priority-agreed = { $city }（{ $by }，{ $on }）
agreements-title = 协议
agreements-none = 尚未登记任何协议。
agreement-open-ended = 无截止日期
agreement-until = 有效期至 { $date }
agreement-signed = { $by } 于 { $on } 代表{ $city }签署
agreement-sign = 代表本市签署
agreement-new = 登记协议
plan-none = 尚无合作计划。
plan-title = { $title }（第 { $version } 版）
plan-approved = { $city }已批准（{ $by }，{ $on }）
plan-edit = 修改计划标题和摘要
activity-no-dates = 尚无日期
history-title = 历史记录
timeline-where = { $step } · { $loop } · 第 { $cycle } 轮
fix-counterpart = 选择伙伴城市
fix-assessment = 评估伙伴城市
fix-priorities = 商定首批优先领域
fix-agreement = 登记或签署协议
fix-plan = 编写合作计划
fix-activity = 添加活动
fix-activities = 完善各项活动
fix-plan-approval = 批准此版计划
fix-teams = 指定本市团队

## 待本市处理

awaiting-signature = 签署协议“{ $title }”
awaiting-priority = 同意首批优先领域“{ $area }”
awaiting-plan-approval = 批准第 { $version } 版计划
awaiting-decisions-approval = 批准调整决定（第 { $version } 版）
due-follow-up = 跟进 { $on } 的接触（截止 { $due }）
due-activity = “{ $title }”于 { $due } 到期
due-agreement-expiring = “{ $title }”将于 { $until } 到期
due-progress-missing = 本轮尚无“{ $title }”的进展报告

## 推进伙伴关系

move-confirm-text = 伙伴关系将以您所见的版本推进。如有他人先行修改，本次操作不会生效，您将看到最新状态。
move-confirm = 确认
move-reason = 原因
move-spawn-counterpart = 新伙伴关系的伙伴城市
move-terminate-sure = 终止后不可恢复。确定终止此伙伴关系？
move-done = 伙伴关系已推进。
move-refused-unmet = 操作被拒绝：以下退出条件尚未满足。
move-unmet-title = 仍缺少的内容
move-conflict = 自您打开页面以来，他人已修改了此伙伴关系。
move-conflict-fresh = 以下是其最新状态。请核对后，如仍需操作，请再次确认。
cancel = 取消

## 表单

form-save = 保存
form-saved = 已保存。
form-required = 请填写此项。
form-not-a-date = 请按 YYYY-MM-DD 格式填写日期。
form-not-a-number = 请填写数字，例如 25000 或 1250.50。
form-not-a-choice = 请从选项中选择。
form-not-found = 此表单所涉及的内容已不存在，请刷新页面。
form-on = 日期
form-by = 本市签署方
form-by-help = 个人或机构，例如“市长”“市议会”“外事办主任”。
form-one-per-line = 每行一项。
assessment-intro = 请针对所选伙伴城市，逐项回答指南中的遴选标准：满足、不满足或未知，必要时加以说明。四组标准中每组至少需有一项回答为满足或不满足。
assessment-note = 说明
assessment-needs-counterpart = 请先选定伙伴城市：评估针对所选伙伴城市。
priority-area = 领域
priority-intro = 双方城市分别确认首批优先领域；某一领域经双方确认后方才计入。
agreement-kind = 类型
agreement-title = 标题
agreement-areas = 涵盖领域
agreement-binding = 具有法律约束力
agreement-valid-until = 有效期至
agreement-valid-until-help = 如无截止日期，请留空。
agreement-renewal-of = 续签的协议
agreement-reference = 文号
agreement-text = 协议文本（一项条款即可能终止伙伴关系，请妥善保存）
signature-by = 签署人
signature-on = 签署日期
signature-intro = 代表本市签署“{ $title }”。双方城市均签署后，协议方才生效计入。
plan-field-title = 标题
plan-field-summary = 摘要
plan-intro = 合作计划列明伙伴关系的各项活动。修改计划将产生新版本，需双方城市重新批准。
activity-title = 标题
activity-area = 领域
activity-description = 说明
activity-lead-city = 牵头城市
activity-lead-stakeholder = 牵头相关方
activity-cities = 参与城市
activity-cities-help = 未勾选即表示双方城市均参与。
activity-start = 开始日期
activity-due = 截止日期
activity-expected-results = 预期成果
activity-resources = 其他资源
activity-edit = 修改活动
activity-intro = 一项活动须具备牵头城市和牵头相关方、资金来源、开始和截止日期以及预期成果，方为完整。
funding-amount = 资金 { $n }：金额
funding-currency = 资金 { $n }：币种
funding-currency-help = ISO 4217 代码：EUR、CNY、GBP 等。
funding-source = 资金 { $n }：来源
team-name = 团队名称
team-members = 成员
team-responsibilities = 职责
team-intro = 本市负责“{ $title }”的团队。
approval-by = 批准机构
approval-by-help = 作出政治批准的机构或个人，例如“市议会”“市长办公室”。
approval-reference = 决定文号
approval-intro = 代表本市批准第 { $version } 版合作计划。双方城市均批准此版本后，计划方视为获批。

## 待办、发起、邀请

awaiting-nothing = 目前没有待本市处理的事项。
awaiting-our-side = 等待本市处理
awaiting-due = 即将到期
start-at = 从哪一步开始？
start-at-AIM = 从“目标”开始：先明确城市为何以及希望开展何种合作（城市发展回环）
start-at-PARTNER = 从“伙伴”开始：基于本市现行战略与承诺（新伙伴关系）
start-counterpart = 伙伴城市（如已确定）
start-counterpart-help = 仅在从“伙伴”开始时适用；否则在“伙伴”步骤中选定。
start-intro = 伙伴关系可从“目标”开始；如本市现行战略和承诺已满足“目标”和“承诺”的条件，也可从“伙伴”开始。
start-submit = 发起伙伴关系
start-done = 伙伴关系已发起。
invite-name = 姓名
invite-intro = 邀请同事参与{ $city }的伙伴关系工作。对方将收到一个一次性链接，用于设置密码。
invite-submit = 生成邀请链接
invite-done = 请将此链接发送给{ $name }：{ $link }（仅可使用一次，{ $days } 天内有效）。
invite-viewer = 只读账户不能邀请他人。

## 导航（本市页面、平台）

nav-city = 本市
nav-portfolio = 合作组合
nav-platform = 平台

## 本市的战略与承诺

city-version = 版本
city-needs-title = 从“伙伴”步骤发起伙伴关系之前
city-no-strategy = 尚未登记战略。
city-no-commitment = 尚未登记承诺。
fix-strategy = 编写本市战略
fix-commitment = 登记本市承诺
strategy-title = 战略新版本
strategy-intro = 本市战略说明城市为何开展国际伙伴合作、希望从中获得什么。保存后将生成新版本，旧版本保留在历史记录中。
strategy-vision = 愿景
strategy-horizon = 规划期（例如 2035）
strategy-adopted-on = 通过日期
strategy-objectives = 长期战略目标
strategy-objective = 战略目标
strategy-new-objective = 新的战略目标
strategy-themes = 合作领域
strategy-stakeholders = 本地相关方
strategy-stakeholders-help = 本市的三螺旋或四螺旋：政府、学术界、产业界、社会组织与公众。
strategy-challenges = 挑战
strategy-opportunities = 机遇
strategy-evidence = 依据（研究、事实与数据）
commit-title = 承诺新版本
commit-intro = 承诺说明城市将如何实现目标：由谁批准、优先事项、分工、投入的资源以及联络人。
commit-political = 政治承诺
commit-political-body = 批准机构或个人
commit-priorities = 优先事项
commit-priority = 优先事项 { $n }
commit-priority-objective = 优先事项 { $n }：所服务的战略目标
commit-roles = 相关方分工
commit-role-stakeholder = 分工 { $n }：相关方
commit-role = 分工 { $n }：角色
commit-role-responsibilities = 分工 { $n }：职责
commit-resources = 资源
commit-resource-kind = 资源 { $n }：类型
commit-resource-kind-help = 预算、人员、实物、基础设施等。
commit-resource-description = 资源 { $n }：说明
commit-contact-team = 联络团队
commit-external = 外部相关方
stakeholder-title = 添加本地相关方
stakeholder-intro = 本市的相关方：政府部门、大学、企业、协会等。
stakeholder-name = 名称
stakeholder-sector = 螺旋部门
stakeholder-involvement = 参与方式

## 接触与联络人

contacts-title = 接触往来
contacts-none = 尚未登记任何接触。
contact-new = 登记接触
contact-kind = 类型
contact-direction = 方向
contact-ours-political = 我方政府层面参加
contact-ours-technical = 我方技术层面参加
contact-theirs-political = 对方政府层面参加
contact-theirs-technical = 对方技术层面参加
contact-joint = 双方城市均参加（联合活动）
contact-joint-short = 联合
contact-outcome = 成果
contact-follow-up-due = 跟进截止日期
contact-follow-up-due-help = 代表团访问后缺乏跟进是常见的失败模式：请注明何时跟进。
contact-followed-up = 已于 { $on } 跟进
contact-follow-up-due-on = 跟进截止 { $due }
follow-up-title = 登记跟进
follow-up-note = 跟进内容
persons-title = 联络人
person-title = 指定联络人
person-intro = 双方城市分别为伙伴关系指定联络人，双方均可查看。请注明是否已将变动告知对方。
person-name = 姓名
person-role = 职务
person-from = 担任联络人起始日期
person-until = 担任联络人截止日期
person-announced = 已将此变动告知对方
person-since = 自 { $from } 起
person-change = 修改

## 实施

progress-title = 报告进展
progress-intro = “{ $title }”的进展。
progress-summary = 已完成的工作
progress-status = 活动当前状态
progress-percent = 完成百分比
progress-reason = 原因（取消时必填）
progress-reason-help = 取消活动将产生新版计划，需双方城市重新批准。
progress-none = 尚无进展报告。
risks-high = { $count } 项高风险
risk-title = 登记风险
risk-intro = “{ $title }”的风险。未关闭的高风险须有负责人和应对措施。
risk-description = 风险
risk-likelihood = 可能性
risk-impact = 影响
risk-mitigation = 应对措施
risk-owner = 负责人
risk-status = 状态
fix-progress = 报告进展
fix-risks = 为风险指定负责人和应对措施
fix-plan-revised = 修订本轮计划

## 评估

kpis-none = 尚未选定绩效指标。
kpi-target = 目标 { $value }
kpi-no-target = 无目标
selection-title = 选定绩效指标
selection-intro = 评估框架：每项绩效指标对应一项战略目标，并设定目标值及负责报告的城市。
selection-kpi = 绩效指标
selection-objective = 所衡量的战略目标
selection-target = 目标值
selection-target-help = 按指标的计量单位填写：12、25000 EUR、40、4 或文字。
selection-reporting = 负责报告的城市
measurement-title = 报告数值
measurement-intro = { $kpi }，计量单位：{ $unit }。
measurement-start = 统计期起
measurement-end = 统计期止
measurement-source = 来源或方法
measurement-source-help = 数据来源：统计数据、调查、计数等。
measurement-supersedes = 更正的数值
measurement-supersedes-help = 更正将取代本市此前报告的某一数值；原数值不会被覆盖。
measurement-period = 统计期
measurement-city = 城市
measurement-value = 数值
measurement-superseded = 已被更正
value-count = 数量
value-amount = 金额
value-currency = 币种
value-percent = 百分比（0–100）
value-score = 评分（1–5）
value-text = 文字
feedback-title = 登记反馈
feedback-team = 团队
feedback-text = 反馈
evaluation-title = 登记评估
evaluation-intro = 本轮评估：优势与挑战。请先通过“提出调整建议”逐项提出调整建议，或勾选“不提出调整建议”。
evaluation-strengths = 优势
evaluation-challenges = 挑战
evaluation-no-adjustments = 不提出调整建议
evaluation-of = { $on } 的评估（第 { $cycle } 轮）
fix-framework = 选定绩效指标
fix-measurements = 报告绩效指标
fix-feedback = 登记反馈
fix-evaluation = 登记评估

## 调整与复制推广

adjustment-title = 提出调整建议
adjustment-proposal = 调整建议
adjustment-undecided = 尚未决定
decision-title = 作出决定
decision-intro = 就以下调整建议作出决定：{ $proposal }
decision-outcome = 决定
decisions-approval-title = 批准调整决定
decisions-approval-intro = 代表本市批准本轮第 { $version } 版调整决定。双方城市均批准此版本后，决定方视为获批。
fix-decisions = 对每项调整建议作出决定
fix-decisions-approval = 批准调整决定
lesson-title = 登记经验
lesson-kind = 类型
lesson-text = 经验
ex-post-title = 登记事后评估
ex-post-intro = 针对战略的每项目标：预期、实际成果及差距。
ex-post-objective = 战略目标
ex-post-foreseen = 预期
ex-post-achieved = 实际成果
ex-post-gap = 差距
ex-post-line = 预期：{ $foreseen } · 实际成果：{ $achieved } · 差距：{ $gap }
fix-lessons = 登记成功因素
fix-ex-post = 登记事后评估

## 合作组合

portfolio-title = 本市的合作组合
portfolio-where = 所处位置
portfolio-status = 状态
portfolio-health = 需要关注
portfolio-healthy = 无
portfolio-at = { $step } · { $loop } · 第 { $cycle } 轮
portfolio-lessons = 各伙伴关系的经验与成功因素
portfolio-no-lessons = 尚未登记经验。
portfolio-suggestions = 伙伴城市推荐
portfolio-suggestions-help = 根据本市战略排序的城市。得分由共同合作领域（40 分）、正在寻找伙伴（20 分）、已有关系（20 分）和既往评估（20 分）构成。
suggestion-score = { $score } 分
suggestion-shared = 共同领域得 { $points } 分（满分 40）：{ $areas }
suggestion-looking = 正在寻找伙伴：{ $points } 分（满分 20）
suggestion-relations = 已有关系：{ $points } 分（满分 20）
suggestion-assessment = 既往评估：{ $points } 分（满分 20）
suggestion-start = 与该城市发起伙伴关系
