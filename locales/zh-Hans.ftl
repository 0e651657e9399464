## repaybot — 简体中文
## zh-Hant.ftl 由本文件经 OpenCC 转换生成（npm run locales），请只改本文件、zh-Hant.glossary.tsv（术语）与 zh-Hant.overrides.ftl（整句）。

## 命令（用于 /help 和 Telegram 命令菜单）

command-start = 欢迎与功能介绍
command-addloan = 添加一笔借款（逐步填写，或一行写完）
command-loans = 你的借款和剩余应还
command-next = 下一期什么时候还、还多少
command-language = 切换语言
command-cancel = 取消正在填写的内容
command-back = 返回上一个问题，修改刚才的回答
back-nothing = 没有可以返回的上一个问题。
command-help = 命令列表

## /start 和 /help

start-welcome =
    你好！我是 repaybot，你的还款助手。

    我帮你管理贷款、分期、先享后付和信用卡账单：哪天要还、还多少、真实年化利率是多少，以及还不上时该怎么办。

    先用 /addloan 添加借款——可以逐步填写，也可以一行写完：
    /addloan 招行分期 12000 12期 月费率0.6% 首期2026-12-10

    之后用 /next 查看下一期应还。/help 查看全部命令。

    隐私：我只保存你告诉我的信息，只用来帮助你；其他使用本机器人的人看不到。/privacy 说明保存了什么、保存多久，以及如何带走（/export）或删除（/forget）你的数据。
help-header = 我能做这些：
help-footer = 提示：/addloan 也可以一行写完，例如 /addloan 手机分期 6000 12期 月费率0.6% 首期2027-01-10

## /language

language-choose = 当前语言：{ $language }。请选择语言：
language-set = 好的，之后我会用{ $language }和你交流。
error-language-unknown = 我不认识“{ $choice }”这种语言。

## /cancel

cancel-done = 已取消，没有保存任何内容。
cancel-nothing = 现在没有需要取消的内容。

## 错误提示

error-stale-button = 这个按钮来自较早的消息，已经失效。
error-message-too-long = 消息太长了（超过 { $max } 个字符），请发短一些。
error-unknown-command = 我不认识命令 { $command }。发送 /help 查看我能做什么。
error-not-understood = 没看懂这句话。发送 /help 查看我能做什么，或用 /addloan 添加借款。
error-internal = 抱歉，我这边出了点问题。你输入的内容没有丢失，请稍后再试。
error-amount-not-number = 请用数字填写金额，例如 12000、12,000 或 1.2万。
error-amount-not-positive = 金额必须大于零。
error-amount-too-large = 金额太大了：最多 100,000,000。
error-amount-too-many-decimals = 金额最多两位小数（精确到分）。
error-amount-dot-three-digits = 小数点后正好三位数字有歧义：12.000 可能是 12000（欧洲很多地方用点分隔千位），也可能是 12。一万二千请写 12000 或 12,000，十二元请写 12.00。
error-date-not-understood = 请按“年-月-日”填写日期，例如 2027-01-15。
error-date-impossible = 日历上没有这一天，请检查月份和日期。
error-date-out-of-range = 请填写 2000 年到 2100 年之间的日期。
error-date-order-day-first = 年份写在最后的日期按“日/月/年”理解，这个日期没有对应的月份（02/15/2027 会是第 15 个月）。请按“年-月-日”填写，例如 2027-02-15。
date-order-assumed = 已将 { $typed } 按“日/月/年”理解为 { $date }。
date-year-assumed = 已将 { $typed } 理解为 { $date }。
error-periods-not-number = 请用整数填写期数，例如 12。
error-periods-out-of-range = 期数必须在 1 到 600 之间。
error-rate-not-number = 请用数字填写利率，例如年利率 12% 写 12%，月利率写“月利率1%”。
error-rate-negative = 利率不能是负数。
error-rate-total-needs-periods = 这是整个分期的总费率。请改发月费率（总费率除以期数），或连同期数重新发送整行，例如 /addloan 花呗 3000 12期 总费率8.8%。
error-rate-too-high = 这个利率达到或超过年化 1000%，请检查：月利率请写“月利率”，日利率请写“日利率”。
error-text-too-long = 回答太长了，请控制在 200 个字符以内。
error-name-empty = 请给这笔借款起个名字，例如“车贷”或贷款机构的名称。
error-name-too-long = 名称请控制在 60 个字符以内。
error-method-not-understood = 请点击下面的按钮选择，或输入：等额本息、等额本金、先息后本、分期手续费。

## 还款方式与利率

method-annuity = 等额本息
method-equal-principal = 等额本金
method-interest-first = 先息后本
method-fee = 分期（按月收手续费）
rate-annual = 年利率 { $rate }
rate-monthly = 月利率 { $rate }
rate-daily = 日利率 { $rate }
rate-monthly-fee = 月费率 { $rate }

## 日期

date-with-weekday = { $date }（{ $weekday }）
weekday-0 = 周日
weekday-1 = 周一
weekday-2 = 周二
weekday-3 = 周三
weekday-4 = 周四
weekday-5 = 周五
weekday-6 = 周六
days-left = 还有 { $days } 天
due-today = 就是今天
days-overdue = 已逾期 { $days } 天

## /addloan

addloan-intro = 我们来添加一笔借款，只需回答几个小问题；随时发送 /cancel 可以退出。
addloan-ask-name = （{ $step }/{ $steps }）这笔借款叫什么？例如贷款机构或所购商品：“车贷”、“招行分期”。
addloan-ask-principal = （{ $step }/{ $steps }）借了多少钱？例如 10000、12,000 或 1.2万。
addloan-ask-method = （{ $step }/{ $steps }）还款方式是哪种？请选择（合同或 App 里会写明）：
addloan-ask-rate = （{ $step }/{ $steps }）利率是多少？例如 12%（年利率）、“月利率1%”或“日利率0.05%”。
addloan-ask-rate-fee = （{ $step }/{ $steps }）每期手续费率（月费率）是多少？例如 0.6%。
addloan-ask-periods = （{ $step }/{ $steps }）分几期（按月）还？例如 12。
addloan-ask-first-due = （{ $step }/{ $steps }）第一期哪天还？例如 { $example }，也可以只说每月几号，如“15号”。
addloan-unread = 这部分我没能确定含义，接下来会再问你：{ $pieces }
list-separator = 、
addloan-ask-edit = 要修改哪一项？
addloan-field-name = 名称
addloan-field-principal = 金额
addloan-field-method = 还款方式
addloan-field-rate = 利率
addloan-field-periods = 期数
addloan-field-firstDue = 首期还款日
addloan-use-buttons = 请使用下面的按钮：保存、修改或取消。
addloan-card-title = 请核对借款信息：
addloan-card-name = 名称：{ $name }
addloan-card-principal = 借款金额：{ $amount }
addloan-card-principal-read = 借款金额：{ $amount }（取自“{ $text }”）
addloan-card-method = 还款方式：{ $method }
addloan-card-rate = 利率：{ $rate }
addloan-card-rate-total = 费率：总费率 { $total }，分 { $periods } 期（{ $rate }）
addloan-card-total-fee-rounded = 每期手续费按分四舍五入，合计 { $actual }，与报价的 { $expected } 不同：请以 App 中的分期计划为准。
addloan-card-not-understood = 没看懂（未使用）：{ $pieces }
addloan-card-periods = 期数：{ $periods }
addloan-card-first-due = 首期还款日：{ $date }
addloan-card-payment-same = 每期还款：{ $amount }
addloan-card-payment-last-differs = 每期还款：{ $amount }（末期 { $last }）
addloan-card-payment-varies = 首期还款 { $first }，末期还款 { $last }
addloan-card-interest = 利息合计：{ $amount }
addloan-card-fees = 手续费合计：{ $amount }
addloan-card-total = 还款总额：{ $amount }
addloan-card-last-due = 最后一期：{ $date }
addloan-card-apr = 真实年化利率（APR）：{ $apr }（实际年利率 { $effective }）
addloan-card-assumed-paid = 有 { $count } 期的还款日在今天之前，我会按已还处理。
apr-warning-24 = ⚠️ 年化成本超过 24%，高于监管对持牌机构综合融资成本的要求，请核对合同。
apr-warning-36 = ⚠️ 年化成本超过 36%，属于非常昂贵的借款。继续还款前请核对合同和对方的放贷资质。
button-save = 保存
button-edit = 修改
button-cancel = 取消
addloan-saved = 已保存“{ $name }”。
addloan-saved-next = 发送 /next 查看下一期应还，/loans 查看全部借款。

## /loans

loans-empty = 你还没有添加借款。发送 /addloan 添加一笔。
loans-header = 你的 { $count } 笔借款：
loans-item-title = { $index }. { $name }
loans-item-terms = { $principal } · { $method } · { $rate } · 共 { $periods } 期
loans-item-remaining = 剩余本金：{ $remaining } · 真实年化 { $apr }
loans-item-next = 下一期：{ $date }还 { $amount }，{ $when }（第 { $n }/{ $periods } 期）
loans-item-paid-off = 已结清。🎉

## /next

next-nothing = 目前没有待还款项。发送 /addloan 添加借款。
next-header = 下一个还款日：{ $date }，{ $when }
next-item = • { $name }：{ $amount }（第 { $n }/{ $periods } 期）
next-total = 当天合计：{ $total }
next-later-header = 之后：
next-later-item = • { $name }：{ $date }还 { $amount }，{ $when }

## 终端与 Telegram

console-banner = repaybot —— 终端本地聊天（未设置 BOT_TOKEN）。输入 /start 开始，/help 查看命令；输入按钮前的数字即可选择。Ctrl+D 退出。
private-chat-only = 为了保护你的隐私，我只在私聊中讨论借款。请直接私信我。
rate-limited = 你发消息有点快，我来不及看。请稍等几秒，再重新发送。
console-file-saved = 📎 已保存：{ $path }
console-file-not-saved = ⚠️ 无法保存 { $filename }：{ $reason }
console-pick-button = { $typed } 不是按钮的编号：输入 1 到 { $count } 之间的数字来按按钮。如果 { $typed } 是金额，请输入 { $amount }。

## 更多命令

command-schedule = 一笔借款的完整还款计划
command-paid = 记录一笔还款
command-undo = 撤销最近记录的一笔还款
command-payoff = 今天提前结清需要多少钱
command-status = 逾期情况、已产生的罚息和接下来会发生什么
command-editloan = 修改借款信息
command-deleteloan = 删除一笔借款
pick-loan = 是哪一笔借款？

## 更多还款方式、费用与规则

method-flat = 等本等息（按原始本金计息）
method-bullet = 到期还本付息
method-bnpl = 先享后付（一次还清）
error-fee-too-large = 费用必须小于借款金额。
error-start-after-first-due = 收到借款的日期必须早于还款日。
error-choose-a-button = 请点击下面的按钮选择。
error-prepayment-percent-not-understood = 请点击下面的按钮选择。
error-due-day-not-understood = 请填写每月的几号（1 到 31），例如“15号”或“每月15日”。
addloan-ask-rate-flat = （{ $step }/{ $steps }）按原始本金计算的月利率是多少？例如“月息1分”或“月利率1%”。
addloan-ask-one-time-fee = （{ $step }/{ $steps }）另外收手续费吗？请填写金额，没有就填 0。
addloan-ask-start = （{ $step }/{ $steps }）哪天收到的这笔钱？例如 { $example }。
addloan-ask-due = （{ $step }/{ $steps }）哪天到期？例如 { $example }。
addloan-ask-upfront-fee = 放款时有没有先扣掉一笔费用（砍头息）？请填写金额，没有就填 0。
addloan-ask-lender = 这笔钱是谁借给你的？
addloan-ask-policy = 哪种逾期规则最接近你的合同？（以下为常见规则，以合同为准。）
addloan-field-startDate = 到账日期
addloan-field-oneTimeFee = 手续费
addloan-field-upfrontFee = 砍头息
addloan-field-lenderKind = 出借方
addloan-field-policyPreset = 逾期规则
lender-licensed = 银行或持牌机构
lender-private = 个人或公司（民间借贷）
preset-bank-cn = 银行贷款
preset-consumer-cn = 消费金融 / 网贷
preset-credit-card-cn = 信用卡
preset-bnpl-cn = 先享后付
preset-generic-en = 通用（英美）
addloan-card-payment-single = 应还金额：{ $amount }
addloan-card-upfront = 砍头息：{ $fee }（实际到手 { $received }）
addloan-card-one-time-fee = 手续费：{ $amount }
addloan-card-start = 到账日期：{ $date }
addloan-card-due = 到期日：{ $date }
addloan-card-private = 出借方：民间借贷
addloan-card-policy = 逾期规则：{ $policy }（常见规则，以合同为准）
apr-private-above-cap = ⚠️ 超过 { $cap }，即一年期 LPR（{ $since } 起为 { $lpr }）的四倍：超出部分的民间借贷利息法院不予支持。
apr-private-within-cap = 在 { $cap } 以内，即一年期 LPR（{ $since } 起为 { $lpr }）的四倍，属于法院保护的民间借贷利率范围。
editloan-card-title = 请核对修改后的借款信息：
editloan-error-paid-exceeds = 未保存：已记录的还款（{ $paid }）超过了修改后的应还总额（{ $scheduled }）。请检查金额，或先用 /undo 撤销还款。
editloan-saved = 已更新“{ $name }”。还款计划已重新生成，已记录的还款也已重新计入。
editloan-renamed-settled = 已保存“{ $name }”。这笔贷款已结清，只改了名称和贷款机构类型，还款计划和还款记录保持不变。
editloan-renamed-rescheduled = 已保存“{ $name }”。它的还款计划按获批的申请调整过，因此只修改了名称和贷款方类型。
editloan-error-settled = 未保存：这笔贷款已结清（没有欠款），只能修改名称。修改条款会重建还款计划，让已还清的利息重新变成欠款。如果条款录错了，请删除后重新添加。
editloan-error-settled-on = 未保存：这笔贷款已于 { $date } 提前结清，只能修改名称。修改条款会重建还款计划，让提前还款省下的利息重新变成欠款。如果条款录错了，请删除后重新添加。
editloan-error-rescheduled = 未保存：这笔贷款的还款计划已在 { $date } 按获批的申请（延期或新的还款计划）调整过，只能修改名称。修改条款会重新生成还款计划，撤销这项安排。

## /schedule

schedule-header = { $name } —— 还款计划（第 { $page }/{ $pages } 页）
schedule-row = { $mark } { $n }. { $date }  { $payment }（{ $parts }）剩余 { $balance }
part-principal = 本金 { $amount }
part-interest = 利息 { $amount }
part-fee = 手续费 { $amount }
schedule-partly-paid = 已还部分，仍欠 { $open }
schedule-penalty-owed = 该期欠罚息和违约金：{ $amount }
schedule-legend = ✓ 已还 · ▶ 下一期 · ⚠️ 逾期
schedule-next = 下一期：{ $date }还 { $amount }。
button-previous = « 上一页
button-next = 下一页 »

## /paid 和 /undo

paid-confirm =
    记录一笔“{ $name }”的还款？
    金额：{ $amount }
    日期：{ $date }
    如需修改，直接输入其他金额或日期。
button-confirm = 确认
paid-nothing-owed = “{ $name }”已经没有待还款项。
error-payment-date-in-future = 还款日期不能晚于今天。
paid-error-more-than-owed = 这超过了这笔借款全部待还金额（{ $owed }）。
paid-recorded = 已记录“{ $name }”还款 { $amount }。
paid-next = 下一期：{ $date }还 { $amount }。
paid-still-open = 这笔借款还欠：{ $amount }。
paid-usage = /paid [借款] [金额] [日期]：借款写 /loans 里的序号或名称（有多笔借款时才需要），之后是金额和日期，顺序不限，例如 /paid 2 500 昨天 或 /paid 车贷 1,200.00 2026-11-20。带 ¥、元、小数点、万或 k 的数字一定是金额。
pick-loan-no-such = 没有第 { $number } 笔借款：你一共有 { $count } 笔借款。
paid-no-such-loan-hint = 如果 { $number } 是金额，请在下面选借款，再在确认卡片上输入 { $amount }。
paid-loan-or-amount = { $number } 是借款序号还是金额？
paid-button-loan = 第 { $number } 笔：{ $name }
paid-button-amount = 金额 { $amount }
paid-error-before-start = { $date } 早于这笔借款开始的日期（{ $start }），还款日期不能早于它。
button-undo = 撤销
undo-nothing = 没有可以撤销的还款。
undo-confirm = 撤销 { $date } 给“{ $name }”的这笔 { $amount } 还款吗？
button-undo-payment = 是的，撤销
button-keep = 保留
undo-kept = 没有做任何改动。
undo-done = 已撤销“{ $name }”的 { $amount } 还款，相应的期数恢复为待还。

## /payoff

payoff-header = 今天是 { $date }，现在结清“{ $name }”需要：{ $amount }
payoff-overdue = • 已逾期的各期：{ $amount }
payoff-due-today = • 今天到期：{ $amount }
payoff-principal = • 尚未到期的本金：{ $amount }
payoff-interest = • 上一还款日以来的利息：{ $amount }
payoff-penalty = • 已产生且未还的罚息和违约金（按常见规则估算，录入了贷款机构的金额则以其为准）：{ $amount }
payoff-fees = • 提前还款费用：{ $amount }
payoff-saved = 按计划还完还需 { $scheduled }；今天结清可省 { $saved }。
payoff-saved-with-penalty = 按计划还完还需 { $scheduled }（含已欠的罚息）；今天结清可省 { $saved }。
button-payoff-paid = 我今天已按此金额结清
payoff-settled = 已记录：“{ $name }”已用 { $amount } 结清，不会再提醒。🎉
payoff-quote-changed = 结清金额已经变化（利息按日计算），最新金额如下：
undo-payoff = 你最近的一笔还款结清了“{ $name }”并关闭了还款计划，不能在这里撤销。如果贷款机构的金额不同，请用 /editloan 修改这笔借款。
payoff-check = 还款前请向贷款机构确认准确金额：各合同的提前还款规定不同。

## /status

status-header = 逾期情况：
status-clear = 没有逾期，也没有待还款项。
status-clear-next = 没有逾期。下一期：{ $date }还 { $amount }，{ $when }。
status-loan = “{ $name }”：逾期 { $amount }，目前罚息 { $penalty }
status-installment = • 第 { $n } 期，{ $date }到期：{ $amount }，已逾期 { $days } 天，罚息 { $penalty } —— { $stage }
status-in-grace = 目前仍在宽限期内：现在还款通常视为按时还款。
status-next-stage = 接下来：{ $date } 起{ $stage }。
status-help = 如果还不上：尽早联系贷款机构，询问延期还款或罚息减免。征信上的真实记录任何人都无法花钱删除，“征信修复”都是骗局。
status-check-contract = 以上为常见规则，以合同为准。
stage-upcoming = 尚未到期
stage-due-today = 今天到期
stage-grace = 处于宽限期
stage-overdue = 已逾期
stage-reported = 可能已上报征信
stage-collection = 可能进入催收
stage-legal = 有被起诉的风险

## /deleteloan

deleteloan-confirm = 删除“{ $name }”及其 { $periods } 期还款计划和已记录的还款吗？删除后无法恢复。
button-delete = 删除
deleteloan-kept = 已保留，没有删除任何内容。
deleteloan-done = 已删除“{ $name }”。

## /cardbill

command-cardbill = 信用卡只还最低还款额要付多少利息
cardbill-usage =
    请用一行发送账单信息：本期应还金额、账单日、到期还款日；可以再加最低还款额和日利率。例如：
    /cardbill 10000 2026-12-05 2027-01-01 最低1000
error-card-bill-dates-order = 账单日必须早于到期还款日。
error-card-bill-minimum-too-large = 最低还款额不能超过应还金额。
error-card-bill-incomplete = 需要账单金额、账单日和到期还款日。
cardbill-dates-reversed = 到期还款日（{ $due }）早于账单日（{ $statement }）。请先写账单日，再写到期还款日；为防其中一个写错，我不会自动对调。
cardbill-header = 本期应还 { $balance }，到期还款日 { $due }。
cardbill-pay-full = 到期前全额还款：不产生利息。
cardbill-pay-minimum = 只还最低还款额 { $minimum }：将失去免息期，并且按日利率 { $rate } 对整笔账单金额从账单日起计息（全额计息），而不只是剩下的 { $carried }。到下一个账单日约产生利息 { $interest }，下期账单（不计新消费）将是 { $next }。
cardbill-below-minimum = 还款低于最低还款额还会产生违约金，并可能上报征信。

## 提醒

reminder-title = ⏰ 还款提醒
reminder-upcoming = • { $name }：{ $date }应还 { $amount }，还有 { $days } 天（第 { $n }/{ $periods } 期）
reminder-due-today = • { $name }：今天 { $date }应还 { $amount }，第 { $n }/{ $periods } 期
reminder-overdue = • { $name }：{ $date }应还的 { $amount } 已逾期 { $days } 天，目前罚息 { $penalty }，{ $stage }。
reminder-penalty-only = • { $name }：第 { $n } 期（{ $date } 到期）本身已还清，但还欠罚息和违约金 { $penalty }：{ $stage }。
reminder-day-total = { $date } 合计应还：{ $total }
# 贷款机构所在时区的截止时间，借款人在另一个时区时：先写贷款机构的时间，再写借款人的。
reminder-deadline = { $date }{ $lenderZone } { $lenderTime }（{ $localZone } { $localTime }）
reminder-deadline-other-day = { $date }{ $lenderZone } { $lenderTime }（{ $localZone } { $localDate } { $localTime }）
zone-asia-shanghai = 北京时间
zone-asia-hong-kong = 香港时间
zone-asia-macau = 澳门时间
zone-asia-taipei = 台北时间
zone-asia-singapore = 新加坡时间
zone-asia-kuala-lumpur = 吉隆坡时间
zone-asia-tokyo = 东京时间
zone-asia-seoul = 首尔时间
zone-europe-london = 伦敦时间
zone-europe-paris = 巴黎时间
zone-europe-berlin = 柏林时间
zone-america-new-york = 纽约时间
zone-america-chicago = 芝加哥时间
zone-america-los-angeles = 洛杉矶时间
zone-america-toronto = 多伦多时间
zone-america-vancouver = 温哥华时间
zone-australia-sydney = 悉尼时间
zone-australia-melbourne = 墨尔本时间
reminder-overdue-help = 暂时还不上？发送 /status 查看接下来会发生什么、在什么时候；并尽早联系贷款机构，询问延期或罚息减免。
button-paid = ✅ 已还款
button-paid-loan = ✅ 已还 { $name }
button-snooze-today = 今天稍后提醒
button-snooze-tomorrow = 明天提醒
button-schedule = 还款计划
button-schedule-loan = { $name } 还款计划
command-remind = 提醒按钮
snooze-done = 好的，我会在 { $date } { $time } 再提醒你。

## /settings

command-settings = 提醒设置：时区、提醒时间、提前几天、免打扰时段、暂停
settings-title = ⚙️ 你的提醒设置
settings-timezone = 时区：{ $zone }
settings-time = 提醒时间：{ $time }
settings-before = 到期前提醒：提前 { $days } 天（0 = 当天）
settings-overdue =
    逾期后：第 { $days } 天提醒{ $weekly ->
        [yes] ，之后每周一次
       *[no] {""}
    }，{ $stop ->
        [0] 直到还清
       *[other] 最长 { $stop } 天
    }
settings-quiet = 免打扰时段（不发送任何消息）：{ $start }–{ $end }
settings-paused = 🔕 所有提醒已暂停。
settings-active = 🔔 提醒已开启。
settings-paused-loans = 已暂停提醒的借款：{ $names }
settings-button-timezone = 时区
settings-button-time = 提醒时间
settings-button-before = 提前几天
settings-button-overdue = 逾期提醒
settings-button-quiet = 免打扰时段
settings-button-pause = 全部暂停
settings-button-resume = 恢复提醒
settings-button-loans = 暂停某笔借款
settings-button-no-stop = 一直提醒直到还清
settings-button-stop-90 = 90 天后停止
settings-ask-timeZone = 你在哪个时区？请选择，或输入时区名称（例如 Asia/Shanghai）。
settings-ask-reminderTime = 每天几点提醒你？请选择，或输入时间，例如 08:30 或 晚上7点。
settings-ask-daysBefore = 到期前几天提醒？用逗号分隔，例如 5, 2, 0（0 = 当天，最多 30 天）。
settings-ask-overdueDays = 逾期后第几天提醒？例如 1, 3, 7（1 到 30 天）；之后每周提醒一次。
settings-ask-quietHours = 什么时段不要给你发消息？请输入时段，例如 22:00-07:30。
settings-ask-loans = 点击一笔借款，暂停或恢复它的提醒：
error-timezone-unknown = 我不认识这个时区。请写城市（北京、香港、伦敦）、时差（例如 UTC+8）或时区名称（例如 Asia/Shanghai）。
error-timezone-ambiguous = 这个名称对应不止一个时区（例如 CST 可以指中国、美国中部或古巴时间）。请写城市，例如北京、芝加哥、悉尼，或写时差，例如 UTC+8。
error-timezone-offset-not-whole-hours = 时差只能是整小时，例如 UTC+8。像 UTC+5:30 这样的时区，请写时区名称，例如 Asia/Kolkata。
error-timezone-conflict = 城市和时差对不上。请只写城市，例如北京或伦敦。
error-time-not-understood = 这不是有效的时间。请使用 24 小时制，例如 09:00 或 21:30。
error-days-not-understood = 请填写整数天数：到期前 0 到 30 天，逾期后 1 到 30 天，用逗号分隔。
error-quiet-hours-not-understood = 免打扰时段需要不同的开始和结束时间，例如 21:00-08:00。
settings-error-time-in-quiet = 这个时间在你的免打扰时段（{ $start }–{ $end }）内，提醒会一直推迟到第二天早上。请选择免打扰时段以外的时间，或先修改免打扰时段。
settings-saved = 已保存，提醒将按新设置发送。

## One form at a time

form-in-the-way = 你正在{ $form }。请先完成，或发送 /cancel 放弃。
form-name-addloan = 添加借款
form-name-paid = 记录还款
form-name-settings = 修改设置
form-name-editing = 修改“{ $name }”
form-resume = 继续{ $form }：

## 分期提前还款

addloan-field-prepaymentRule = 提前还款
addloan-ask-prepayment = 提前结清这笔分期时，尚未到期的手续费怎么算？请选择，或输入按剩余本金收取的比例（例如 3%）。
prepayment-waive-remaining-fees = 剩余手续费免收
prepayment-charge-remaining-fees = 剩余手续费照收
addloan-card-prepayment = 提前结清：{ $rule }
addloan-card-prepayment-percent = 提前结清：按剩余本金收取 { $percent } 的费用

## 逾期规则细节

addloan-field-policyOverrides = 逾期细则
addloan-ask-policy-overrides = 你的合同怎么规定？只写与常见规则不同的部分，例如“宽限期5天 日0.05% 上报30天 违约金50”，或写“x1.3”表示罚息为合同利率的 1.3 倍。
addloan-card-policy-details =
    宽限期 { $grace } 天 · 罚息 { $penalty } · 逾期约 { $report } 天可能上报征信{ $lateFee ->
        [none] {""}
       *[other] {" · "}违约金 { $lateFee }
    }
policy-penalty-multiplier = 合同利率 × { $multiplier }
policy-penalty-daily = 每日 { $rate }
error-policy-not-understood = 没看懂。可以这样写：宽限期5天 日0.05% 上报30天 违约金50。
error-policy-not-allowed = 这些规则互相矛盾：宽限期 0–30 天，上报须在宽限期之后，罚息倍数 1–2，或日利率 0–1%。
policy-late-fee-percent = 未还金额的 { $percent }（最低 { $floor }）
addloan-field-dayBasis = 计息天数
addloan-ask-day-basis = 合同按一年多少天计算日息？（银行通常按 360 天。）
day-basis-360 = 360 天
day-basis-365 = 365 天
addloan-card-day-basis-365 = 日息按一年 365 天计算

## 还款冲抵顺序（合同没有另行约定时按《民法典》第561条）和出借方时区
addloan-field-allocationOrder = 还款冲抵顺序
addloan-field-lenderTimeZone = 出借方时区
allocation-part-late-fee = 违约金
allocation-part-penalty = 罚息
allocation-part-fee = 手续费
allocation-part-interest = 利息
allocation-part-principal = 本金
allocation-preset-civil-code = 民法典顺序（默认）
allocation-preset-principal-first = 先还本金
addloan-card-allocation-civil-code = 还款冲抵顺序：{ $order }（《民法典》第561条，合同没有另行约定时的默认顺序）
addloan-card-allocation-principal-first = 还款冲抵顺序：{ $order }（先还本金，按合同约定）
addloan-card-allocation-custom = 还款冲抵顺序：{ $order }（按合同约定）
addloan-ask-allocation =
    每笔还款按什么顺序冲抵欠款？当前：{ $current }。
    合同没有另行约定时，按《民法典》第561条依次冲抵违约金、罚息、手续费、利息、本金。请选择，或按合同写出全部五项的顺序，例如“本金、利息、手续费、罚息、违约金”。
error-allocation-part-unknown = “{ $text }”不是还款冲抵的一项。请按合同的顺序把这五项各写一次：{ $order }。
error-allocation-part-twice =
    { $part ->
        [late-fee] { $parts }写了两次（违约金和滞纳金在这里是同一项）。每项只写一次。
       *[other] { $parts }写了两次。每项只写一次。
    }
error-allocation-parts-missing = 缺少 { $count } 项：{ $parts }。请把五项都写上，每项一次。
addloan-card-lender-zone = 出借方时区：{ $zone }（还款日是出借方的日期）
addloan-card-lender-zone-differs = 出借方时区：{ $zone }（还款日是出借方的日期；你的时区是{ $yours }，提醒会同时写出两边的时间）
addloan-ask-lender-zone = 出借方在哪个时区？还款日按出借方的日期算。当前：{ $current }（你的时区：{ $yours }）。请写城市或时差，例如 北京、香港、伦敦 或 UTC+8。

## /penalty：贷款机构实际收取的罚息，或已减免
command-penalty = 记录贷款机构实际收取的罚息，或已减免
penalty-pick-installment = 是“{ $name }”的哪一期逾期？
button-installment = 第 { $n } 期（{ $date } 到期）
penalty-ask = “{ $name }”第 { $n } 期（{ $date } 到期）：repaybot 估算目前的罚息和违约金为 { $estimate }。贷款机构实际收了多少？请输入金额（例如 12.30），或点“机构已减免”。
button-penalty-waived = 机构已减免
penalty-none-past-due = “{ $name }”没有逾期或被收罚息的期数，没有罚息可记录。
penalty-recorded = 已记录：贷款机构对“{ $name }”第 { $n } 期收取 { $amount }，从现在起以这个金额代替估算。这笔贷款还欠：{ $owed }。
penalty-waived = 已记录：贷款机构减免了“{ $name }”第 { $n } 期的罚息。这笔贷款还欠：{ $owed }。
penalty-error-more-than-loan = { $amount } 比整笔贷款（{ $principal }）还多，请核对金额；未作记录。
penalty-error-less-than-paid = 这一期的罚息您已还了 { $paid }，机构的金额不会比这更少。未作记录。
penalty-error-nothing-to-waive = 这一期目前没有罚息或违约金，无需减免。未作记录。
penalty-error-not-past-due = 这一期还没过还款日，没有罚息。未作记录。

## /overdue：逾期会怎样，按时间线（issue 10）
command-overdue = 逾期会怎样：时间线，含你自己的日期
overdue-typical-header = 逾期后通常会发生什么（常见规则，以合同为准）：
overdue-typical-due = • 还款日：当天结束前还上，就算按时。
overdue-typical-grace = • 宽限期：很多银行在还款日后给约 3 天宽限期，期内还款通常视为按时、不上报征信。很多网贷没有宽限期。
overdue-typical-penalty = • 罚息：宽限期结束后，从还款日次日起算。银行：合同利率上浮 30%–50%；消费金融和网贷：常见按逾期总额每天 0.05%；信用卡还会收一次性违约金。
overdue-typical-reported = • 征信：宽限期结束后通常会上报征信。逾期记录自结清之日起保留 5 年。
overdue-typical-collection = • 催收：约一个月后会有电话和短信。催收不得威胁、辱骂，未经同意不得在 22:00 至次日 08:00 催收，不得联系无关的人。
overdue-typical-legal = • 法律风险：几个月后贷款机构可能起诉。欠款是民事纠纷：坐牢针对的是诈骗或拒不执行法院判决，而不是还不起钱。
overdue-typical-next = 用 /addloan 添加贷款后，/overdue 会显示你自己的日期和金额。如果还不上，请在还款日前联系贷款机构，询问延期或罚息减免。
overdue-header = 如果逾期，你的时间线：
overdue-installment = “{ $name }”第 { $n }/{ $periods } 期，{ $date }到期：{ $amount }
overdue-line-due = • { $date }：还款日
overdue-line-grace = • { $from } 至 { $to }：宽限期，期内还款通常视为按时
overdue-line-stage = • { $date } 起：{ $stages }
overdue-line-stage-penalty = • { $date } 起：{ $stages }（到那时罚息约 { $penalty }）
overdue-stage-penalty = 开始计罚息，从还款日次日起算
overdue-stage-separator = ；
overdue-today-late = 今天：已逾期 { $days } 天，连同目前罚息 { $penalty } 共欠 { $owed }，{ $stage }。
overdue-today-ahead = 今天：{ $when }。在还款日前还上，以上都不会发生。
overdue-also = 这笔贷款还有 { $count } 期逾期，共 { $amount }。
overdue-more-loans = …… 还有 { $count } 笔贷款：/status 列出所有逾期。
overdue-footer = /status：现在逾期了什么 · /payoff：提前结清 · /penalty：贷款机构实际收的罚息

## 自由提问回答下方你自己的数字（issue 10，第 4 点）
figures-header = 你的数字：
figures-about = “{ $name }”的数字：
figures-about-urgent = “{ $name }”的数字，这是你最紧急的一笔贷款（在问题里写上贷款名称，可看那笔的数字）：
button-figures-for = 看“{ $name }”的数字
figures-installment-ahead = “{ $name }”第 { $n } 期，{ $date }到期：{ $amount }，{ $when }。
figures-installment-late = “{ $name }”第 { $n } 期，{ $date }到期：{ $amount }，已逾期 { $days } 天，目前罚息 { $penalty }，{ $stage }。
figures-penalty-if-late = 按这些规则，逾期 { $days } 天还款罚息为 { $penalty }；逾期 30 天为 { $laterPenalty }。
figures-penalty-per-day = 每多逾期一天，罚息约增加 { $amount }。
figures-grace = 按这些规则，它有 { $days } 天宽限期，到 { $to }：在此之前还款通常视为按时。
figures-in-grace = 你现在处于宽限期：在 { $to } 前还款通常视为按时。
figures-no-grace = 按这些规则，它没有宽限期：从 { $date } 起算作逾期。
figures-reported-from = 如果仍未还款，可能从 { $date } 起上报征信。
figures-reported-since = 可能已从 { $date } 起上报征信：现在还款可以避免记录继续变差。
figures-see-overdue = 完整时间线：/overdue
figures-payoff = 今天结清“{ $name }”：{ $total }；按计划还款共需 { $scheduled }，可省 { $saved }（未计合同约定的提前还款费用）。
figures-apr = “{ $name }”：真实年化利率 { $apr }
figures-overdue-total = 目前逾期：{ $amount }，目前罚息 { $penalty }（{ $count } 笔贷款）。
figures-next-due = 下一期：{ $date }还 { $amount }，{ $when }。
figures-partial = “{ $name }”第 { $n } 期（{ $date }到期）目前欠 { $owed }。用 /paid 记录部分还款，/status 会显示还剩多少。
figures-typical-rules = 以上为这笔贷款的常见规则，以合同为准。

## 自由提问（issue 10）
command-faq = 还款问题解答
faq-empty = 可以直接用自己的话问我还款的问题，例如“逾期会怎样？”，或发送 /help 查看命令。
faq-unsure = 我不太确定你的意思。最接近的话题：
faq-out-of-scope = 这个我帮不上忙。我可以记录你的贷款和还款日（/addloan、/next、/status），并回答还款相关的问题：罚息、宽限期、征信、催收、提前还款、还不上怎么办。发送 /help 查看命令。
faq-loan-offer = 这看起来是一笔贷款，下面按新贷款填好了：
faq-other-language = 抱歉，我只会中文和英文（English）。请用其中一种语言问我还款的问题，或发送 /help 查看命令。

## 困难申请（/hardship、/requests）与运营方审阅（/queue）—— issue 11

command-hardship = 向贷款方申请帮助：延期、协商还款、罚息减免
command-requests = 你的困难申请及处理状态
command-review = 对困难申请作出决定
command-note = 给当前决定写备注：/note 备注内容
command-queue = 等待处理的困难申请（最早的在前）
form-name-hardship = 填写困难申请
button-continue = 继续
button-skip = 跳过

hardship-intro = 我们一起整理一份求助申请。我会问几个问题（收支问题都可以跳过）；最后你会先看到全部内容，确认后才会发出。/back 回到上一题，/cancel 停止。
hardship-no-loans = 你没有还需要还款的贷款。请先用 /addloan 添加。
hardship-back-hint = （/back：上一题 · /cancel：停止）
hardship-ask-loans = 这次申请涉及哪些贷款？点选一笔或多笔，然后点“继续”。
hardship-ask-kind =
    哪种帮助最有用？
    • 延期：还款往后推 { $maxMonths ->
        [one] 1 个月
       *[other] 最多 { $maxMonths } 个月
    }
    • 协商分期：每月少还一些，分更长时间还
    • 罚息减免：免除已产生罚息的全部或一部分
    • 暂停催收联系：贷款方处理期间暂停催收
hardship-kind-deferral = 延期
hardship-kind-new-plan = 协商新的还款计划
hardship-kind-waiver = 罚息减免
hardship-kind-collection-pause = 暂停催收联系
hardship-ask-reason = 为什么无法按计划还款？
hardship-reason-job-loss = 失业
hardship-reason-illness = 生病或受伤
hardship-reason-income-drop = 收入下降
hardship-reason-family-emergency = 家庭突发情况
hardship-reason-disaster = 灾害（火灾、水灾等）
hardship-reason-dispute = 与贷款方有争议或对方出错
hardship-reason-other = 其他原因
hardship-ask-reason-text = 请用自己的话说说发生了什么、从什么时候开始。几句话就能帮贷款方理解你的情况。（也可以跳过）
hardship-error-reason-too-long = 超过了 { $max } 个字，请精简一些。
hardship-ask-income = 你每月的税后收入：写一个总数，或者分项写，例如“工资6000 补贴500”。（也可以跳过）
hardship-ask-fixed = 你每月的固定支出：房租或房贷、其他抵押贷款、水电燃气、医疗护理、交通、学费、保险等——写一个总数，或者例如“房租2500 电费150 交通300”。（也可以跳过）
hardship-ask-flexible = 你每月的弹性支出：饮食家用、话费娱乐、个人开销——写一个总数，或者例如“买菜1500 话费100”。（也可以跳过）
hardship-group-income = 收入
hardship-group-fixed = 固定支出
hardship-group-flexible = 弹性支出
hardship-ask-months = 还款往后推几个月？（最多 { $maxMonths } 个月）
hardship-button-months = { $months } 个月
hardship-ask-monthly = 这些贷款你每月一共能还多少？请输入金额。
hardship-suggested-monthly = 按你的收支，每月大约能留出 { $amount } 用于还这些贷款。
hardship-button-suggested = { $amount }（按收支计算）
hardship-no-disposable = 按你的收支，扣除开销后每月没有余钱：请写出你仍然能还的金额，哪怕很少——由贷款方决定。
hardship-ask-percent = 这些贷款目前的罚息：{ $penalty }。你申请减免多少？点选，或输入百分比（例如 80%）。
hardship-no-penalty = 这些贷款目前还没有罚息，没有可以减免的。请选择其他帮助方式。
hardship-ask-evidence = 你能向贷款方提供哪些证明？点选所有能提供的，然后点“继续”。
hardship-evidence-termination-letter = 解除劳动合同证明
hardship-evidence-unemployment-registration = 失业登记证明
hardship-evidence-bank-statements = 银行流水
hardship-evidence-hospital-record = 医院诊断或病历
hardship-evidence-medical-bills = 医疗费用单据
hardship-evidence-sick-leave-note = 病假证明
hardship-evidence-payslips = 工资条
hardship-evidence-employer-letter = 单位出具的证明
hardship-evidence-family-document = 家庭突发情况的证明
hardship-evidence-bills = 由此产生的费用单据
hardship-evidence-disaster-certificate = 受灾证明
hardship-evidence-damage-photos = 损失照片
hardship-evidence-insurance-claim = 保险理赔材料
hardship-evidence-contract = 借款合同
hardship-evidence-payment-receipts = 还款凭证
hardship-evidence-correspondence = 与贷款方的往来信息
hardship-evidence-other-document = 其他材料
hardship-evidence-none = 暂无
hardship-use-buttons = 这一题请用按钮回答。
hardship-nothing-to-propose = 按这个选择，这些贷款没有可以调整的内容（没有可推迟或重新分摊的还款）。请选择其他帮助方式。

hardship-proposal-deferral = 延期 { $months } 个月
hardship-proposal-new-plan = 新的还款计划：每月 { $amount }，共 { $months } 个月
hardship-proposal-waiver = 减免 { $percent } 的罚息
hardship-proposal-pause = 暂停催收联系 { $days } 天
hardship-loan-current = { $name }：尚欠 { $owed }，未逾期（下一期 { $next }）
hardship-loan-overdue = { $name }：尚欠 { $owed }；逾期 { $arrears }，已逾期 { $days } 天，目前罚息 { $penalty }
hardship-error-never-repays = 每月 { $amount } 永远还不完这些贷款：光利息每月就有 { $interest }。请输入比这更多的金额，或用 /back 返回选择延期或罚息减免。
hardship-error-too-long = 每月 { $amount } 在 { $months } 个月内还不完：需要每月 { $needed }。请至少输入这个金额，或用 /back 返回选择延期或罚息减免。
hardship-budget-not-given = 未填写
hardship-budget-incomplete = 扣除开销后每月剩余：无法计算（有一组未填写）
hardship-budget-skipped = 收支：未填写。
hardship-budget-line = 每月收支：收入 { $income }，固定支出 { $fixed }，弹性支出 { $flexible }
hardship-budget-disposable = 扣除开销后每月剩余：{ $amount }
hardship-budget-shortfall = 扣除开销后每月缺口：{ $amount }
hardship-plan-line = { $name }：{ $amount } 重新分 { $months } 个月还，每月 { $payment }（首期 { $first }；利息 { $interest }）
hardship-plan-problem-never-repays = 这个金额连每月利息都不够：欠款永远还不完。贷款方不会接受；可以考虑申请减免利息或延期。
hardship-plan-problem-too-long = 即使分 60 个月，每月金额也高于这个数；下面显示的是 60 个月的方案。
hardship-plan-problem-exceeds-target = 方案的每月金额高于你说的能还的金额。
hardship-plan-above-disposable = 每月 { $payment } 超过了你收支剩余的 { $disposable }：贷款方会问你打算怎么还。
hardship-deferral-line = { $name }：{ $count } 期往后推，第一期从 { $from } 推到 { $to }
hardship-waiver-line = 第 { $n } 期：罚息 { $penalty }
hardship-summary-title = 你的申请：{ $request }
hardship-summary-reason = 原因：{ $reason }
hardship-summary-reason-text = 原因：{ $reason }——“{ $text }”
hardship-summary-evidence = 能提供的证明：{ $evidence }
hardship-button-submit = ✅ 提交并共享
hardship-button-english = 英文版申请信
hardship-consent = 点“提交”后，这份申请、你的收支和这些贷款的数字会发给运营这个机器人的人进行审阅。不会自动决定，也不承诺任何结果：由贷款方决定。
hardship-consent-no-operator = 这个机器人目前没有人审阅申请：点“提交”会保存申请，并给你一封申请信，由你自己发给贷款方。
hardship-cancelled = 申请已放弃，什么也没有发出。
hardship-already-open = 其中一笔贷款的申请 #{ $id } 还在等待处理。见 /requests（可以在那里撤回）。
hardship-submitted = 申请 #{ $id } 已提交并送审。有结果时会在这里通知你；/requests 可以查看状态。
hardship-submitted-no-operator = 申请 #{ $id } 已保存。请把下面的申请信发给你的贷款方；/requests 可以查看。
hardship-letter-intro = 可以发给贷款方的申请信（也附上了文件）：
hardship-letter-file-caption = 申请 #{ $id }：给贷款方的申请信
hardship-letter-date = 日期：{ $date }
hardship-letter-subject = 事由：申请{ $request }——{ $loans }
hardship-letter-greeting = 尊敬的贷款机构：
hardship-letter-opening = 我因无法按约定继续还款，特此致函。原因：{ $reason }。
hardship-letter-own-words = 具体情况：{ $text }
hardship-letter-ask = 我希望申请{ $request }。
hardship-letter-evidence = 我可以提供：{ $evidence }。
hardship-letter-closing = 我愿意偿还所欠款项，恳请予以考虑。请以书面形式答复；处理期间，恳请暂不将我按违约报送。
hardship-letter-signature = 此致

hardship-status-open = 等待处理
hardship-status-info-requested = 运营方有问题问你
hardship-status-approved = 已通过
hardship-status-rejected = 未通过
hardship-status-withdrawn = 已撤回
hardship-decided-approved = ✅ 你的申请 #{ $id }（{ $request }）已通过。
hardship-decided-rejected = 你的申请 #{ $id }（{ $request }）未获通过。你仍然可以直接联系贷款方，或用 /hardship 申请其他帮助。
hardship-decided-info-requested = 关于你的申请 #{ $id }（{ $request }），运营方想了解：
hardship-decided-open = 你的申请 #{ $id } 正在等待处理。
hardship-decided-withdrawn = 你的申请 #{ $id } 已撤回。
hardship-decided-note = “{ $note }”
hardship-decided-waived = { $name }：已减免罚息 { $amount }。
hardship-decided-schedule = { $name } 的新还款计划：
hardship-decided-installment = { $n }. { $date } — { $amount }
hardship-decided-more = ……还有 { $count } 期（/schedule）
hardship-decided-pause-until = 逾期提醒暂停到 { $date }。

requests-title = 你的申请：
requests-empty = 你还没有申请。用 /hardship 开始。
requests-item = #{ $id } { $request } —— { $status }（{ $date } 提交）
requests-question = 运营方的问题：“{ $text }”
requests-button-answer = 回答 #{ $id }
requests-button-withdraw = 撤回 #{ $id }
requests-ask-answer = 请输入对申请 #{ $id } 的回答（一条消息；/cancel 停止）。
requests-answer-too-long = 超过了 { $max } 个字，请精简一些。
requests-answer-sent = 谢谢：你的回答已附在申请 #{ $id } 上，也已发给运营方。
requests-not-asked = 申请 #{ $id } 目前不需要你回答。
requests-withdrawn = 申请 #{ $id } 已撤回。提醒照常继续。
requests-not-undecided = 申请 #{ $id } 已无法撤回：状态是{ $status }。

review-title = 📋 困难申请 #{ $id }：{ $request }（{ $status }）
review-borrower = 借款人：用户 { $user }，自 { $since } 起使用本机器人（{ $days } 天）
review-waited = { $date } 提交，已等待 { $days } 天
review-past-sla = 超过 { $days } 天的处理时限
review-plan = { $name } 的方案：{ $amount } 分 { $months } 个月，每月 { $payment }，首期 { $first }
review-deferral = { $name } 从第 { $n } 期起延期：{ $from } → { $to }，之后各期同样顺延
review-waiver = { $name } 第 { $n } 期减免：罚息 { $penalty }，逾期 { $days } 天，{ $history }——建议减免 { $suggested }（仅供参考）
review-evidence = 借款人能提供的证明：{ $evidence }
review-first-overdue = 首次逾期
review-repeated-overdue = 曾有逾期
review-note-operator = 运营方提问：“{ $text }”
review-note-borrower = 借款人回答：“{ $text }”
review-button-approve = ✅ 通过
review-button-reject = ❌ 拒绝
review-button-ask = ❓ 要求补充
review-button-no-note = 不写备注
review-ask-note-approve = 通过申请 #{ $id }。请输入给借款人的备注（在团队聊天中请用：/note 备注内容），或点“不写备注”。
review-ask-note-reject = 拒绝申请 #{ $id }。请输入给借款人的理由（在团队聊天中请用：/note 理由），或点“不写备注”。
review-ask-note-ask = 关于申请 #{ $id }，需要借款人补充什么？请输入问题（在团队聊天中请用：/note 问题）。
review-no-note-expected = 现在没有等待备注的决定。请先点申请下面的按钮。
review-note-too-long = 超过了 { $max } 个字，请精简一些。
review-cancelled = 未作决定。
review-done-approve = 申请 #{ $id } 已通过并生效；已通知借款人。
review-done-reject = 申请 #{ $id } 已拒绝；已通知借款人。
review-done-ask = 问题已发给申请 #{ $id } 的借款人。
review-already-decided = 申请 #{ $id } 已经处理过：运营方 { $operator } 于 { $date } {$status}。没有任何改动。
review-withdrawn = 申请 #{ $id } 已被借款人撤回。没有任何改动。
review-no-such-request = 没有申请 #{ $id }。
review-team-approve = 申请 #{ $id } 已由运营方 { $operator } 通过：{ $note }
review-team-reject = 申请 #{ $id } 已由运营方 { $operator } 拒绝：{ $note }
review-team-ask = 运营方 { $operator } 向申请 #{ $id } 的借款人提问：{ $note }
review-borrower-answered = 借款人回答了申请 #{ $id }：
review-borrower-withdrew = 借款人撤回了申请 #{ $id }。
queue-empty = 没有等待处理的申请。
queue-title = { $count } 份申请等待处理，最早的在前（时限：{ $days } 天内处理）：
queue-button-open = 打开 #{ $id }
queue-promises-title = 还款承诺：
queue-promise = • 用户 { $user }，{ $name }：{ $date } 前还 { $amount } —— { $status }

error-budget-not-understood = 没看懂。请写这一组的总数（如 8000），或者逐项写金额，例如：房租3000 电费200。
error-budget-item-unknown = “{ $word }”不是这一组里我认得的一项。请换个说法，或者直接写这一组的总数。
error-budget-item-other-group = “{ $word }”属于{ $group }，那一题会单独填写，这里先不写。
error-budget-item-without-amount = “{ $word }”每月多少钱？请在后面写上金额，例如：{ $word }300。
error-budget-amount-without-item = { $amount } 是哪一项？请在金额旁写上是什么费用。
error-budget-total-below-items = 合计 { $total } 比所列各项加起来（{ $items }）还少。请改正合计，或者不写合计。
error-percent-not-understood = 请输入 1 到 100 之间的百分比，例如 80 或 80%。

## promise to pay
command-promise = 承诺某天还款：在那之前暂停逾期提醒
form-name-promise = 填写还款承诺
promise-nothing-due = 你的借款目前没有逾期或今天到期的款项，不需要承诺还款。发送 /next 查看下一期。
promise-nothing-due-loan = “{ $name }”目前没有逾期或今天到期的款项：还款承诺只针对已经到期的钱。
promise-pick-loan = 要承诺还哪一笔借款？
promise-ask-date = 你打算哪天还“{ $name }”（现在应还 { $owed }）？可以是从今天 { $today } 起 { $days } 天内的任何一天，最晚 { $lastDay }。请输入日期，例如 { $example }、25号或明天。
promise-card =
    还款承诺：“{ $name }”
    金额：{ $amount }（现在应还 { $owed }）
    日期：{ $date }
    在那天之前，“{ $name }”的逾期提醒会暂停；到了那天我会提醒你。如需修改金额或日期，直接输入新的。
promise-error-date-in-past = { $date } 已经过去了：日期不能早于今天 { $today }。
promise-error-date-too-far = { $date } 太远了：承诺的日期必须在 { $days } 天内，最晚 { $lastDay }。
promise-error-more-than-owed = 这超过了“{ $name }”的全部欠款：一共 { $owed }。
promise-recorded = 已记录还款承诺：{ $date }向“{ $name }”还 { $amount }。在那之前，“{ $name }”的逾期提醒会暂停。
promise-replaced = 它取代了你之前的承诺：{ $date }还 { $amount }。
promise-remind-at = 我会在 { $date } { $time } 提醒你。
promise-day-message = 📅 今天是你承诺向“{ $name }”还 { $amount } 的日子。还款后，点“已还款”记录下来。
promise-open = 你的还款承诺：{ $date }向“{ $name }”还 { $amount }。在那之前，它的逾期提醒会暂停。
promise-last = 你上一次的还款承诺：{ $date }向“{ $name }”还 { $amount }，{ $status }。
promise-status-open = 进行中
promise-status-kept = 已兑现 ✓
promise-status-broken = 未兑现（提醒已恢复）
promise-status-cancelled = 已取消
promise-cancelled = 已取消还款承诺：{ $date }向“{ $name }”还 { $amount }。“{ $name }”的逾期提醒恢复正常。
promise-not-open = 这个承诺已经结束了。发送 /promise 查看它的状态。
promise-cancel-done = 好的，没有记录承诺。
button-promise = 🤝 我会在某天还…
button-promise-loan = 🤝 我会在某天还 { $name }…
button-promise-cancel = 取消这个承诺
button-promise-cancel-loan = 取消“{ $name }”的承诺
button-promise-new = 新的承诺

## export and privacy

command-export = 下载我保存的你的全部数据（JSON 和 CSV 文件）
command-privacy = 我保存了你的哪些数据、为什么、保存多久、谁能看到
export-nothing = 目前没有可导出的内容：我这里没有你的借款、还款记录、困难申请或还款承诺。关于你我只保存了设置（语言、时区、提醒），/settings 可以查看。
export-json-caption =
    📦 我保存的你的全部数据，都在这一个文件里（JSON，格式版本 { $version }）：
    借款：{ $loans } · 分期：{ $installments } · 还款：{ $payments }
    困难申请：{ $requests } · 还款承诺：{ $promises } · 历史记录：{ $audit }
    请妥善保管：文件里有你的财务信息。
export-csv-loans = loans.csv —— 你的借款，每笔一行，可用表格软件打开（Excel 中中文名称正常显示）。
export-csv-installments = installments.csv —— 每笔借款的每一期：到期日、本金、利息、手续费、已还金额。
export-csv-payments = payments.csv —— 记录的每笔还款，含所属借款，以及其中用于罚息和违约金的金额。
privacy-stored =
    🔒 我保存了你的哪些数据
    • 你的个人资料和设置：Telegram 用户 ID、语言、时区和提醒设置；
    • 你输入的借款、还款计划、你记录的还款，以及贷款方收取或减免的罚息；
    • 你的还款承诺和困难申请（原因、收支预算、方案、你和运营人员之间的留言），以及每一步的历史记录；
    • 技术记录：已安排和已发送的提醒、你正在填写的表单，以及一天之内收到的 Telegram 消息编号（避免同一操作执行两次）。
privacy-why = 为什么：为了告诉你欠多少、何时到期，在到期前提醒你，并把困难申请转交给负责作出决定的人。这些数据不作其他用途。
privacy-how-long = 保存多久：借款及其还款计划、还款记录、罚息记录和还款承诺，保存到你用 /deleteloan 删除这笔借款为止；你的设置、困难申请以及申请和承诺的历史记录，保存到你用 /forget 删除一切为止。历史记录不能被改写（/forget 只会把你的记录假名化），删除借款后也会保留，因此申请和决定的经过始终有据可查。
privacy-who = 谁能看到：运营这个机器人的人（贷款机构的贷后服务团队、债务咨询机构，或自己架设它的个人）。他们能看到你提交的困难申请及其涉及借款的数字，以及你的还款承诺；作为数据库的管理者，他们也能读取全部数据。你的借款只在你和我的一对一对话中显示；运营人员的聊天只会收到你提交的申请和承诺。
privacy-commands = 你可以用的命令：
privacy-command-export = /export —— 下载我保存的你的全部数据：一个 JSON 文件，以及可用 Excel 打开的 CSV 文件。
privacy-command-import = /import —— 把导出的 JSON 文件发回给我，恢复你的借款和还款记录（先预览，经你确认后才恢复）。
privacy-command-forget = /forget —— 删除关于你的一切（需要输入确认词）；之后历史记录只保留假名化的事件，不含文字、金额或名称。
privacy-command-forget-coming = /forget —— 即将推出：删除关于你的一切。在此之前，/deleteloan 可以删除一笔借款及其还款计划、还款记录和承诺；其余数据请联系运营这个机器人的人删除。

## input faults

paid-word-not-understood =
    没看懂“{ $word }”。
    { $reason }
paid-ask-amount = 你这次给“{ $name }”还了多少？请输入金额，不是今天还的话再加上日期（例如 500，或 500 昨天）。下一期应还 { $amount }。
form-name-undo = 撤销一笔还款
form-name-deleteloan = 删除借款
form-name-penalty = 记录罚息
form-name-requests = 回复申请
form-name-review = 填写决定的备注

## forget and import

command-forget = 删除我保存的你的全部数据
command-import = 用导出文件恢复你的借款和还款
error-document-not-expected = 我没有在等文件。要用导出文件恢复借款，请发送它的 JSON 文件（/import 有说明）。
forget-word = 删除
forget-confirm =
    ⚠️ 这会删除我保存的关于你的一切：你的设置、每笔借款及其还款计划、还款和罚息记录、还款承诺、困难申请及其备注、已安排的提醒，以及你正在填写的表单。删除后无法恢复：如果想留一份，请先用 /export 导出。
    申请和承诺的历史记录只保留假名化的事件（发生了什么、什么时候，不含文字、金额或名称）。
    确定要删除，请输入“{ $word }”。输入其他任何内容都会取消。
forget-cancelled = 没有删除任何内容。
forget-private-only = /forget 和 /import 只能在与我的私聊中使用，那里别人看不到你的数据。请直接给我发消息。
forget-done = 🗑 完成：关于你的一切都已删除。
forget-done-loans = 借款：{ $loans } · 期数：{ $installments } · 还款：{ $payments } · 罚息记录：{ $penalties }
forget-done-requests = 困难申请：{ $requests } · 申请备注：{ $notes } · 还款承诺：{ $promises }
forget-done-other = 提醒和待发消息：{ $reminders } · 未完成的表单：{ $forms } · 其他记录：{ $updates }
forget-done-audit = 保留的历史记录（已假名化，不含你的 ID、文字、金额或名称）：{ $audit }
forget-done-no-audit = 没有需要保留的申请或承诺历史记录。
forget-done-after = 如果你再给我发消息，我会从零开始。/import 可以恢复你保存的导出文件。
import-how = 请把 /export 给你的 JSON 文件发给我（用回形针以文件形式发送），恢复之前我会先告诉你里面有什么。
import-private-only = /forget 和 /import 只能在与我的私聊中使用，那里别人看不到你的数据。请直接给我发消息。
import-too-large = 这个文件太大，不像导出文件（上限 { $max } MB）。请发送 /export 给你的 JSON 文件。
import-not-json = 我读不了这个文件：它不是完整的 JSON（可能被截断或修改过）。请原样发送 /export 给你的 JSON 文件。
import-not-export = 这个文件不是 repaybot 的导出文件。请发送 /export 给你的 JSON 文件。
import-newer-version = 这个导出文件的格式较新（版本 { $version }），本机器人只能读取到版本 { $supported }。请让运行本机器人的人更新后再发送。
import-invalid = 这个导出文件中有我无法接受的字段（{ $where }），所以没有导入任何内容。请原样发送 /export 给你的 JSON 文件。
import-no-loans = 这个导出文件里没有借款，没有可导入的内容。
import-download-failed = 我下载不了这个文件，请再发送一次。
import-preview = 📥 { $date } 的导出文件包含：
import-preview-counts = 借款：{ $loans } · 期数：{ $installments } · 还款：{ $payments } · 罚息记录：{ $penalties }
import-preview-totals = 借款总额：{ $principal } · 已还总额：{ $paid }
import-preview-renamed = “{ $from }”将以“{ $to }”导入：你已经有一笔同名的借款。
import-preview-settings = 你的设置（语言、时区、提醒）将采用导出文件中的设置。
import-preview-settings-kept = 你在这里的设置保持不变。
import-preview-skipped = 不导入：困难申请（{ $requests }）、还款承诺（{ $promises }）和历史记录（{ $audit }）：它们由生成导出文件的机器人决定和保存。
import-preview-ask = 要导入这些借款吗？按“导入”之前不会有任何改变。
button-import = 导入
import-cancelled = 没有导入任何内容。
import-done = ✅ 已导入：{ $names }。恢复的还款：{ $payments } 笔。/loans 可以查看。
import-file-unreadable = 无法打开 { $path }：{ $reason }

## calendar
command-calendar = 把还款日加入日历（文件或订阅链接）
calendar-name = 贷款还款
calendar-event-summary = 还款 { $amount } · { $name }
calendar-event-description = { $name }：第 { $n } 期，共 { $periods } 期，到期日 { $date }。结清本期需还：{ $amount }。
calendar-event-penalty = 其中含截至目前的罚息和滞纳金 { $penalty }；未还清期间每天还会增加。
calendar-alarm = { $name }：{ $amount }，{ $date } 到期
calendar-caption = 📅 { $loans } 笔贷款共有 { $count } 期待还。打开文件即可加入日历；以后再导入新的文件会更新同一批日程，不会重复添加。
calendar-nothing = 没有可以加入日历的内容：你的贷款都没有待还的分期。可以用 /addloan 添加贷款。
calendar-feed-unavailable = 订阅链接需要机器人的网页服务（webhook 模式），这里没有运行。请发送 /calendar 获取日历文件。
calendar-feed-created = 🔗 你的私人日历链接：
    { $url }
    在日历应用中订阅它，它会始终显示你当前的还款计划。任何拿到链接的人都能看到你的还款日，请不要分享。再次发送 /calendar feed 会生成新链接并停用这个；/calendar revoke 可以停用它。
calendar-feed-revoked = 你的日历链接已停用，不再显示任何内容。
calendar-feed-none = 你没有需要停用的日历链接。
calendar-usage = 发送 /calendar 获取日历文件，/calendar feed 获取订阅链接，/calendar revoke 停用链接。

## plan (issue 14: the way out across all loans)
command-plan = 多笔贷款的还清计划：/plan 500 表示每月多还 500
plan-no-loans = 你还没有未结清的贷款，无需计划。可用 /addloan 添加。
plan-bad-extra = 请输入每月额外还款的正数金额，例如 /plan 500（或只发 /plan）。
plan-extra-too-large = 这个额外金额超出了上限（每月 { $cap }：每月应还的 100 倍，最多 1,000,000）。请输入较小的金额，例如 /plan 500。
plan-header-no-extra = 你的 { $loans } 笔贷款只按计划还款的情况如下。加上每月额外金额（例如 /plan 500）可以看到每种策略能提前多久还清。
plan-header = 你的 { $loans } 笔贷款，每月额外还 { $extra }：
plan-strategy-schedule = 只按计划还款
plan-strategy-avalanche = 雪崩法（真实年化利率最高的先还）
plan-strategy-snowball = 雪球法（余额最小的先还）
plan-debt-free = 还清日期：{ $date }（{ $months } 个月）
plan-beyond-horizon = 按这个速度，50 年内还不清。
plan-totals = 利息 { $interest }，手续费和罚息 { $fees }，共还 { $total }
plan-saving = 比只按计划还款节省 { $amount }
plan-order = 额外金额依次还：{ $names }
plan-rules = 带罚息的逾期金额最先还。一笔贷款还清后，它的月供转给下一笔。提前还款费用按每笔贷款的规则计算；这是估算，请以合同为准。

## chart
command-chart = 用图看还款：未来 12 个月，或一笔借款（/chart 名称）
chart-nothing = 没有可以画图的内容：你的贷款在未来 12 个月里都没有待还的分期。可以用 /addloan 添加贷款。
chart-all-title = 未来 12 个月每月应还
chart-axis-month = 月份
chart-axis-due = 应还金额
chart-other-loans = 其他 { $count } 笔贷款
chart-all-caption = 你的 { $loans } 笔贷款在未来 12 个月共需还 { $total }（逾期金额计入本月）。
chart-all-caption-heavy = 加粗框出的 { $count } 个月是还款最重的月份。
form-name-forget = 删除你的全部数据
form-name-import = 导入你的数据
chart-loan-title = { $name }：余额与每期还款
chart-loan-axis-due = 到期日
chart-loan-axis-year = 年份
chart-loan-axis-balance = 剩余本金
chart-loan-axis-installment = 每期还款
chart-loan-axis-per-year = 每年还款
chart-legend-principal = 本金
chart-legend-interest = 利息
chart-legend-fees = 费用
chart-legend-balance = 剩余本金
chart-legend-paid = 已还
chart-legend-overdue = 逾期
chart-legend-today = 今天
chart-loan-caption = “{ $name }”：{ $periods } 期中已还 { $paid } 期，剩余本金 { $principal }，按计划还需还 { $owed }。
chart-loan-caption-overdue = 有 { $count } 期逾期（虚线框）。
chart-loan-caption-yearly = 每根柱子代表一年（共 { $periods } 期）。
chart-loan-paid-off = “{ $name }”已经还清，没有可以画图的内容。发送 /chart 查看其他借款。
chart-loan-unknown = 你没有名为“{ $name }”的借款。请选一笔，或发送 /chart 查看全部借款。
plan-chart-title = 各方案剩余欠款
plan-chart-axis-month = 月份
plan-chart-axis-debt = 剩余欠款
plan-chart-schedule = 只按计划还款
plan-chart-avalanche = 雪崩法
plan-chart-snowball = 雪球法
plan-chart-caption = 图：每种方案每月剩余的欠款。
text-only = 我只能读文字消息。请用文字输入，或发送命令，例如 /help。
