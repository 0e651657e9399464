# GENERATED from zh-Hans.ftl by `npm run locales` (OpenCC s2twp + zh-Hant.glossary.tsv + zh-Hant.overrides.ftl). Do not edit.
## repaybot — 繁體中文
## 請修改 zh-Hans.ftl、zh-Hant.glossary.tsv（術語）或 zh-Hant.overrides.ftl（整句），再執行 npm run locales。

## 指令（用於 /help 和 Telegram 指令選單）

command-start = 歡迎與功能介紹
command-addloan = 新增一筆借款（逐步填寫，或一行寫完）
command-loans = 你的借款和剩餘應還
command-next = 下一期什麼時候還、還多少
command-language = 切換語言
command-cancel = 取消正在填寫的內容
command-back = 返回上一個問題，修改剛才的回答
back-nothing = 沒有可以返回的上一個問題。
command-help = 指令列表

## /start 和 /help

start-welcome =
    你好！我是 repaybot，你的還款助手。

    我幫你管理貸款、分期、先享後付和信用卡帳單：哪天要還、還多少、真實年化利率是多少，以及還不上時該怎麼辦。

    先用 /addloan 新增借款——可以逐步填寫，也可以一行寫完：
    /addloan 招行分期 12000 12期 月費率0.6% 首期2026-12-10

    之後用 /next 檢視下一期應還。/help 檢視全部指令。

    隱私：我只儲存你告訴我的資訊，只用來幫助你；其他使用本機器人的人看不到。/privacy 說明儲存了什麼、儲存多久，以及如何帶走（/export）或刪除（/forget）你的資料。
help-header = 我能做這些：
help-footer = 提示：/addloan 也可以一行寫完，例如 /addloan 手機分期 6000 12期 月費率0.6% 首期2027-01-10

## /language

language-choose = 目前語言：{ $language }。請選擇語言：
language-set = 好的，之後我會用{ $language }和你溝通。
error-language-unknown = 我不認識「{ $choice }」這種語言。

## /cancel

cancel-done = 已取消，沒有儲存任何內容。
cancel-nothing = 現在沒有需要取消的內容。

## 錯誤提示

error-stale-button = 這個按鈕來自較早的訊息，已經失效。
error-message-too-long = 訊息太長了（超過 { $max } 個字元），請傳短一點。
error-unknown-command = 我不認識指令 { $command }。傳送 /help 檢視我能做什麼。
error-not-understood = 沒看懂這句話。傳送 /help 檢視我能做什麼，或用 /addloan 新增借款。
error-internal = 抱歉，我這邊出了點問題。你輸入的內容沒有遺失，請稍後再試。
error-amount-not-number = 請用數字填寫金額，例如 12000、12,000 或 1.2萬。
error-amount-not-positive = 金額必須大於零。
error-amount-too-large = 金額太大了：最多 100,000,000。
error-amount-too-many-decimals = 金額最多兩位小數（精確到分）。
error-amount-dot-three-digits = 小數點後正好三位數字有歧義：12.000 可能是 12000（歐洲很多地方用點分隔千位），也可能是 12。一萬二千請寫 12000 或 12,000，十二元請寫 12.00。
error-date-not-understood = 請按「年-月-日」填寫日期，例如 2027-01-15。
error-date-impossible = 日曆上沒有這一天，請檢查月份和日期。
error-date-out-of-range = 請填寫 2000 年到 2100 年之間的日期。
error-date-order-day-first = 年份寫在最後的日期按「日/月/年」理解，這個日期沒有對應的月份（02/15/2027 會是第 15 個月）。請按「年-月-日」填寫，例如 2027-02-15。
date-order-assumed = 已將 { $typed } 按「日/月/年」理解為 { $date }。
date-year-assumed = 已將 { $typed } 理解為 { $date }。
error-periods-not-number = 請用整數填寫期數，例如 12。
error-periods-out-of-range = 期數必須在 1 到 600 之間。
error-rate-not-number = 請用數字填寫利率，例如年利率 12% 寫 12%，月利率寫「月利率1%」。
error-rate-negative = 利率不能是負數。
error-rate-total-needs-periods = 這是整個分期的總費率。請改發月費率（總費率除以期數），或連同期數重新發送整行，例如 /addloan 花唄 3000 12期 總費率8.8%。
error-rate-too-high = 這個利率達到或超過年化 1000%，請檢查：月利率請寫「月利率」，日利率請寫「日利率」。
error-text-too-long = 回答太長了，請控制在 200 個字元以內。
error-name-empty = 請給這筆借款起個名字，例如「車貸」或貸款機構的名稱。
error-name-too-long = 名稱請控制在 60 個字元以內。
error-method-not-understood = 請點選下面的按鈕選擇，或輸入：等額本息、等額本金、先息後本、分期手續費。

## 還款方式與利率

method-annuity = 等額本息
method-equal-principal = 等額本金
method-interest-first = 先息後本
method-fee = 分期（按月收手續費）
rate-annual = 年利率 { $rate }
rate-monthly = 月利率 { $rate }
rate-daily = 日利率 { $rate }
rate-monthly-fee = 月費率 { $rate }

## 日期

date-with-weekday = { $date }（{ $weekday }）
weekday-0 = 週日
weekday-1 = 週一
weekday-2 = 週二
weekday-3 = 週三
weekday-4 = 週四
weekday-5 = 週五
weekday-6 = 週六
days-left = 還有 { $days } 天
due-today = 就是今天
days-overdue = 已逾期 { $days } 天

## /addloan

addloan-intro = 我們來新增一筆借款，只需回答幾個小問題；隨時傳送 /cancel 可以退出。
addloan-ask-name = （{ $step }/{ $steps }）這筆借款叫什麼？例如貸款機構或所購商品：「車貸」、「招行分期」。
addloan-ask-principal = （{ $step }/{ $steps }）借了多少錢？例如 10000、12,000 或 1.2萬。
addloan-ask-method = （{ $step }/{ $steps }）還款方式是哪種？請選擇（合約或 App 裡會寫明）：
addloan-ask-rate = （{ $step }/{ $steps }）利率是多少？例如 12%（年利率）、「月利率1%」或「日利率0.05%」。
addloan-ask-rate-fee = （{ $step }/{ $steps }）每期手續費率（月費率）是多少？例如 0.6%。
addloan-ask-periods = （{ $step }/{ $steps }）分幾期（按月）還？例如 12。
addloan-ask-first-due = （{ $step }/{ $steps }）第一期哪天還？例如 { $example }，也可以只說每月幾號，如「15號」。
addloan-unread = 這部分我沒能確定含義，接下來會再問你：{ $pieces }
list-separator = 、
addloan-ask-edit = 要修改哪一項？
addloan-field-name = 名稱
addloan-field-principal = 金額
addloan-field-method = 還款方式
addloan-field-rate = 利率
addloan-field-periods = 期數
addloan-field-firstDue = 首期還款日
addloan-use-buttons = 請使用下面的按鈕：儲存、修改或取消。
addloan-card-title = 請核對借款資訊：
addloan-card-name = 名稱：{ $name }
addloan-card-principal = 借款金額：{ $amount }
addloan-card-principal-read = 借款金額：{ $amount }（取自「{ $text }」）
addloan-card-method = 還款方式：{ $method }
addloan-card-rate = 利率：{ $rate }
addloan-card-rate-total = 費率：總費率 { $total }，分 { $periods } 期（{ $rate }）
addloan-card-total-fee-rounded = 每期手續費按分四捨五入，合計 { $actual }，與報價的 { $expected } 不同：請以 App 中的分期計畫為準。
addloan-card-not-understood = 沒看懂（未使用）：{ $pieces }
addloan-card-periods = 期數：{ $periods }
addloan-card-first-due = 首期還款日：{ $date }
addloan-card-payment-same = 每期還款：{ $amount }
addloan-card-payment-last-differs = 每期還款：{ $amount }（末期 { $last }）
addloan-card-payment-varies = 首期還款 { $first }，末期還款 { $last }
addloan-card-interest = 利息合計：{ $amount }
addloan-card-fees = 手續費合計：{ $amount }
addloan-card-total = 還款總額：{ $amount }
addloan-card-last-due = 最後一期：{ $date }
addloan-card-apr = 真實年化利率（APR）：{ $apr }（實際年利率 { $effective }）
addloan-card-assumed-paid = 有 { $count } 期的還款日在今天之前，我會按已還處理。
apr-warning-24 = ⚠️ 年化成本超過 24%，高於監管對持牌機構綜合融資成本的要求，請核對合約。
apr-warning-36 = ⚠️ 年化成本超過 36%，屬於非常昂貴的借款。繼續還款前請核對合約和對方的放貸資格。
button-save = 儲存
button-edit = 修改
button-cancel = 取消
addloan-saved = 已儲存「{ $name }」。
addloan-saved-next = 傳送 /next 檢視下一期應還，/loans 檢視全部借款。

## /loans

loans-empty = 你還沒有新增借款。傳送 /addloan 新增一筆。
loans-header = 你的 { $count } 筆借款：
loans-item-title = { $index }. { $name }
loans-item-terms = { $principal } · { $method } · { $rate } · 共 { $periods } 期
loans-item-remaining = 剩餘本金：{ $remaining } · 真實年化 { $apr }
loans-item-next = 下一期：{ $date }還 { $amount }，{ $when }（第 { $n }/{ $periods } 期）
loans-item-paid-off = 已結清。🎉

## /next

next-nothing = 目前沒有待還款項。傳送 /addloan 新增借款。
next-header = 下一個還款日：{ $date }，{ $when }
next-item = • { $name }：{ $amount }（第 { $n }/{ $periods } 期）
next-total = 當天合計：{ $total }
next-later-header = 之後：
next-later-item = • { $name }：{ $date }還 { $amount }，{ $when }

## 終端與 Telegram

console-banner = repaybot —— 終端機本地聊天（未設定 BOT_TOKEN）。輸入 /start 開始，/help 檢視指令；輸入按鈕前的數字即可選擇。Ctrl+D 離開。
private-chat-only = 為了保護你的隱私，我只在私訊中討論借款。請直接私訊我。
rate-limited = 你發訊息有點快，我來不及看。請稍等幾秒，再重新發送。
console-file-saved = 📎 已儲存：{ $path }
console-file-not-saved = ⚠️ 無法儲存 { $filename }：{ $reason }
console-pick-button = { $typed } 不是按鈕的編號：輸入 1 到 { $count } 之間的數字來按按鈕。如果 { $typed } 是金額，請輸入 { $amount }。

## 更多指令

command-schedule = 一筆借款的完整還款計畫
command-paid = 記錄一筆還款
command-undo = 撤銷最近記錄的一筆還款
command-payoff = 今天提前結清需要多少錢
command-status = 逾期情況、已產生的罰息和接下來會發生什麼
command-editloan = 修改借款資訊
command-deleteloan = 刪除一筆借款
pick-loan = 是哪一筆借款？

## 更多還款方式、費用與規則

method-flat = 等本等息（按原始本金計息）
method-bullet = 到期還本付息
method-bnpl = 先享後付（一次還清）
error-fee-too-large = 費用必須小於借款金額。
error-start-after-first-due = 收到借款的日期必須早於還款日。
error-choose-a-button = 請點選下面的按鈕選擇。
error-prepayment-percent-not-understood = 請點選下面的按鈕選擇。
error-due-day-not-understood = 請填寫每月的幾號（1 到 31），例如「15號」或「每月15日」。
addloan-ask-rate-flat = （{ $step }/{ $steps }）按原始本金計算的月利率是多少？例如「月息1分」或「月利率1%」。
addloan-ask-one-time-fee = （{ $step }/{ $steps }）另外收手續費嗎？請填寫金額，沒有就填 0。
addloan-ask-start = （{ $step }/{ $steps }）哪天收到的這筆錢？例如 { $example }。
addloan-ask-due = （{ $step }/{ $steps }）哪天到期？例如 { $example }。
addloan-ask-upfront-fee = 放款時有沒有先扣掉一筆費用（砍頭息）？請填寫金額，沒有就填 0。
addloan-ask-lender = 這筆錢是誰借給你的？
addloan-ask-policy = 哪種逾期規則最接近你的合約？（以下為常見規則，以合約為準。）
addloan-field-startDate = 入帳日期
addloan-field-oneTimeFee = 手續費
addloan-field-upfrontFee = 砍頭息
addloan-field-lenderKind = 出借方
addloan-field-policyPreset = 逾期規則
lender-licensed = 銀行或持牌機構
lender-private = 個人或公司（民間借貸）
preset-bank-cn = 銀行貸款
preset-consumer-cn = 消費金融 / 網貸
preset-credit-card-cn = 信用卡
preset-bnpl-cn = 先享後付
preset-generic-en = 通用（英美）
addloan-card-payment-single = 應還金額：{ $amount }
addloan-card-upfront = 砍頭息：{ $fee }（實際到手 { $received }）
addloan-card-one-time-fee = 手續費：{ $amount }
addloan-card-start = 入帳日期：{ $date }
addloan-card-due = 到期日：{ $date }
addloan-card-private = 出借方：民間借貸
addloan-card-policy = 逾期規則：{ $policy }（常見規則，以合約為準）
apr-private-above-cap = ⚠️ 超過 { $cap }，即一年期 LPR（{ $since } 起為 { $lpr }）的四倍：超出部分的民間借貸利息法院不予支持。
apr-private-within-cap = 在 { $cap } 以內，即一年期 LPR（{ $since } 起為 { $lpr }）的四倍，屬於法院保護的民間借貸利率範圍。
editloan-card-title = 請核對修改後的借款資訊：
editloan-error-paid-exceeds = 未儲存：已記錄的還款（{ $paid }）超過了修改後的應還總額（{ $scheduled }）。請檢查金額，或先用 /undo 撤銷還款。
editloan-saved = 已更新「{ $name }」。還款計畫已重新生成，已記錄的還款也已重新計入。
editloan-renamed-settled = 已儲存「{ $name }」。這筆貸款已結清，只改了名稱和貸款機構型別，還款計畫和還款記錄保持不變。
editloan-renamed-rescheduled = 已儲存「{ $name }」。它的還款計畫按獲批的申請調整過，因此只修改了名稱和貸款方型別。
editloan-error-settled = 未儲存：這筆貸款已結清（沒有欠款），只能修改名稱。修改條款會重建還款計畫，讓已還清的利息重新變成欠款。如果條款錄錯了，請刪除後重新新增。
editloan-error-settled-on = 未儲存：這筆貸款已於 { $date } 提前結清，只能修改名稱。修改條款會重建還款計畫，讓提前還款省下的利息重新變成欠款。如果條款錄錯了，請刪除後重新新增。
editloan-error-rescheduled = 未儲存：這筆貸款的還款計畫已在 { $date } 按獲批的申請（延期或新的還款計畫）調整過，只能修改名稱。修改條款會重新生成還款計畫，撤銷這項安排。

## /schedule

schedule-header = { $name } —— 還款計畫（第 { $page }/{ $pages } 頁）
schedule-row = { $mark } { $n }. { $date }  { $payment }（{ $parts }）剩餘 { $balance }
part-principal = 本金 { $amount }
part-interest = 利息 { $amount }
part-fee = 手續費 { $amount }
schedule-partly-paid = 已還部分，仍欠 { $open }
schedule-penalty-owed = 該期欠罰息和違約金：{ $amount }
schedule-legend = ✓ 已還 · ▶ 下一期 · ⚠️ 逾期
schedule-next = 下一期：{ $date }還 { $amount }。
button-previous = « 上一頁
button-next = 下一頁 »

## /paid 和 /undo

paid-confirm =
    記錄一筆「{ $name }」的還款？
    金額：{ $amount }
    日期：{ $date }
    如需修改，直接輸入其他金額或日期。
button-confirm = 確認
paid-nothing-owed = 「{ $name }」已經沒有待還款項。
error-payment-date-in-future = 還款日期不能晚於今天。
paid-error-more-than-owed = 這超過了這筆借款全部待還金額（{ $owed }）。
paid-recorded = 已記錄「{ $name }」還款 { $amount }。
paid-next = 下一期：{ $date }還 { $amount }。
paid-still-open = 這筆借款還欠：{ $amount }。
paid-usage = /paid [借款] [金額] [日期]：借款寫 /loans 裡的序號或名稱（有多筆借款時才需要），之後是金額和日期，順序不限，例如 /paid 2 500 昨天 或 /paid 車貸 1,200.00 2026-11-20。帶 ¥、元、小數點、萬或 k 的數字一定是金額。
pick-loan-no-such = 沒有第 { $number } 筆借款：你一共有 { $count } 筆借款。
paid-no-such-loan-hint = 如果 { $number } 是金額，請在下面選借款，再在確認卡片上輸入 { $amount }。
paid-loan-or-amount = { $number } 是借款序號還是金額？
paid-button-loan = 第 { $number } 筆：{ $name }
paid-button-amount = 金額 { $amount }
paid-error-before-start = { $date } 早於這筆借款開始的日期（{ $start }），還款日期不能早於它。
button-undo = 撤銷
undo-nothing = 沒有可以撤銷的還款。
undo-confirm = 撤銷 { $date } 給「{ $name }」的這筆 { $amount } 還款嗎？
button-undo-payment = 是的，撤銷
button-keep = 保留
undo-kept = 沒有做任何改動。
undo-done = 已撤銷「{ $name }」的 { $amount } 還款，相應的期數恢復為待還。

## /payoff

payoff-header = 今天是 { $date }，現在結清「{ $name }」需要：{ $amount }
payoff-overdue = • 已逾期的各期：{ $amount }
payoff-due-today = • 今天到期：{ $amount }
payoff-principal = • 尚未到期的本金：{ $amount }
payoff-interest = • 上一還款日以來的利息：{ $amount }
payoff-penalty = • 已產生且未還的罰息和違約金（按常見規則估算，錄入了貸款機構的金額則以其為準）：{ $amount }
payoff-fees = • 提前還款費用：{ $amount }
payoff-saved = 按計畫還完還需 { $scheduled }；今天結清可省 { $saved }。
payoff-saved-with-penalty = 按計畫還完還需 { $scheduled }（含已欠的罰息）；今天結清可省 { $saved }。
button-payoff-paid = 我今天已按此金額結清
payoff-settled = 已記錄：「{ $name }」已用 { $amount } 結清，不會再提醒。🎉
payoff-quote-changed = 結清金額已經變化（利息按日計算），最新金額如下：
undo-payoff = 你最近的一筆還款結清了「{ $name }」並關閉了還款計畫，不能在這裡撤銷。如果貸款機構的金額不同，請用 /editloan 修改這筆借款。
payoff-check = 還款前請向貸款機構確認準確金額：各合約的提前還款規定不同。

## /status

status-header = 逾期情況：
status-clear = 沒有逾期，也沒有待還款項。
status-clear-next = 沒有逾期。下一期：{ $date }還 { $amount }，{ $when }。
status-loan = 「{ $name }」：逾期 { $amount }，目前罰息 { $penalty }
status-installment = • 第 { $n } 期，{ $date }到期：{ $amount }，已逾期 { $days } 天，罰息 { $penalty } —— { $stage }
status-in-grace = 目前仍在寬限期內：現在還款通常視為按時還款。
status-next-stage = 接下來：{ $date } 起{ $stage }。
status-help = 如果還不上：儘早聯絡貸款機構，詢問延期還款或罰息減免。徵信上的真實紀錄任何人都無法花錢刪除，「徵信修復」都是騙局。
status-check-contract = 以上為常見規則，以合約為準。
stage-upcoming = 尚未到期
stage-due-today = 今天到期
stage-grace = 處於寬限期
stage-overdue = 已逾期
stage-reported = 可能已上報徵信
stage-collection = 可能進入催收
stage-legal = 有被起訴的風險

## /deleteloan

deleteloan-confirm = 刪除「{ $name }」及其 { $periods } 期還款計畫和已記錄的還款嗎？刪除後無法恢復。
button-delete = 刪除
deleteloan-kept = 已保留，沒有刪除任何內容。
deleteloan-done = 已刪除「{ $name }」。

## /cardbill

command-cardbill = 信用卡只還最低應繳金額要付多少利息
cardbill-usage =
    請用一行傳送帳單資訊：本期應繳金額、結帳日、繳款截止日；可以再加最低應繳金額和日利率。例如：
    /cardbill 10000 2026-12-05 2027-01-01 最低1000
error-card-bill-dates-order = 結帳日必須早於繳款截止日。
error-card-bill-minimum-too-large = 最低應繳金額不能超過應還金額。
error-card-bill-incomplete = 需要帳單金額、結帳日和繳款截止日。
cardbill-dates-reversed = 繳款截止日（{ $due }）早於結帳日（{ $statement }）。請先寫結帳日，再寫繳款截止日；為防其中一個寫錯，我不會自動對調。
cardbill-header = 本期應繳 { $balance }，繳款截止日 { $due }。
cardbill-pay-full = 到期前全額還款：不產生利息。
cardbill-pay-minimum = 只還最低應繳金額 { $minimum }：將失去免息期，並且按日利率 { $rate } 對整筆帳單金額從結帳日起計息（全額計息），而不只是剩下的 { $carried }。到下一個結帳日約產生利息 { $interest }，下期帳單（不計新消費）將是 { $next }。
cardbill-below-minimum = 還款低於最低應繳金額還會產生違約金，並可能上報徵信。

## 提醒

reminder-title = ⏰ 還款提醒
reminder-upcoming = • { $name }：{ $date }應還 { $amount }，還有 { $days } 天（第 { $n }/{ $periods } 期）
reminder-due-today = • { $name }：今天 { $date }應還 { $amount }，第 { $n }/{ $periods } 期
reminder-overdue = • { $name }：{ $date }應還的 { $amount } 已逾期 { $days } 天，目前罰息 { $penalty }，{ $stage }。
reminder-penalty-only = • { $name }：第 { $n } 期（{ $date } 到期）本身已還清，但還欠罰息和違約金 { $penalty }：{ $stage }。
reminder-day-total = { $date } 合計應還：{ $total }
# 貸款機構所在時區的截止時間，借款人在另一個時區時：先寫貸款機構的時間，再寫借款人的。
reminder-deadline = { $date }{ $lenderZone } { $lenderTime }（{ $localZone } { $localTime }）
reminder-deadline-other-day = { $date }{ $lenderZone } { $lenderTime }（{ $localZone } { $localDate } { $localTime }）
zone-asia-shanghai = 北京時間
zone-asia-hong-kong = 香港時間
zone-asia-macau = 澳門時間
zone-asia-taipei = 臺北時間
zone-asia-singapore = 新加坡時間
zone-asia-kuala-lumpur = 吉隆坡時間
zone-asia-tokyo = 東京時間
zone-asia-seoul = 首爾時間
zone-europe-london = 倫敦時間
zone-europe-paris = 巴黎時間
zone-europe-berlin = 柏林時間
zone-america-new-york = 紐約時間
zone-america-chicago = 芝加哥時間
zone-america-los-angeles = 洛杉磯時間
zone-america-toronto = 多倫多時間
zone-america-vancouver = 溫哥華時間
zone-australia-sydney = 悉尼時間
zone-australia-melbourne = 墨爾本時間
reminder-overdue-help = 暫時還不上？傳送 /status 檢視接下來會發生什麼、在什麼時候；並儘早聯絡貸款機構，詢問延期或罰息減免。
button-paid = ✅ 已還款
button-paid-loan = ✅ 已還 { $name }
button-snooze-today = 今天稍後提醒
button-snooze-tomorrow = 明天提醒
button-schedule = 還款計畫
button-schedule-loan = { $name } 還款計畫
command-remind = 提醒按鈕
snooze-done = 好的，我會在 { $date } { $time } 再提醒你。

## /settings

command-settings = 提醒設定：時區、提醒時間、提前幾天、免打擾時段、暫停
settings-title = ⚙️ 你的提醒設定
settings-timezone = 時區：{ $zone }
settings-time = 提醒時間：{ $time }
settings-before = 到期前提醒：提前 { $days } 天（0 = 當天）
settings-overdue =
    逾期後：第 { $days } 天提醒{ $weekly ->
        [yes] ，之後每週一次
       *[no] {""}
    }，{ $stop ->
        [0] 直到還清
       *[other] 最長 { $stop } 天
    }
settings-quiet = 免打擾時段（不傳送任何訊息）：{ $start }–{ $end }
settings-paused = 🔕 所有提醒已暫停。
settings-active = 🔔 提醒已開啟。
settings-paused-loans = 已暫停提醒的借款：{ $names }
settings-button-timezone = 時區
settings-button-time = 提醒時間
settings-button-before = 提前幾天
settings-button-overdue = 逾期提醒
settings-button-quiet = 免打擾時段
settings-button-pause = 全部暫停
settings-button-resume = 恢復提醒
settings-button-loans = 暫停某筆借款
settings-button-no-stop = 一直提醒直到還清
settings-button-stop-90 = 90 天後停止
settings-ask-timeZone = 你在哪個時區？請選擇，或輸入時區名稱（例如 Asia/Shanghai）。
settings-ask-reminderTime = 每天幾點提醒你？請選擇，或輸入時間，例如 08:30 或 晚上7點。
settings-ask-daysBefore = 到期前幾天提醒？用逗號分隔，例如 5, 2, 0（0 = 當天，最多 30 天）。
settings-ask-overdueDays = 逾期後第幾天提醒？例如 1, 3, 7（1 到 30 天）；之後每週提醒一次。
settings-ask-quietHours = 什麼時段不要給你發訊息？請輸入時段，例如 22:00-07:30。
settings-ask-loans = 點選一筆借款，暫停或恢復它的提醒：
error-timezone-unknown = 我不認識這個時區。請寫城市（北京、香港、倫敦）、時差（例如 UTC+8）或時區名稱（例如 Asia/Shanghai）。
error-timezone-ambiguous = 這個名稱對應不止一個時區（例如 CST 可以指中國、美國中部或古巴時間）。請寫城市，例如北京、芝加哥、悉尼，或寫時差，例如 UTC+8。
error-timezone-offset-not-whole-hours = 時差只能是整小時，例如 UTC+8。像 UTC+5:30 這樣的時區，請寫時區名稱，例如 Asia/Kolkata。
error-timezone-conflict = 城市和時差對不上。請只寫城市，例如北京或倫敦。
error-time-not-understood = 這不是有效的時間。請使用 24 小時制，例如 09:00 或 21:30。
error-days-not-understood = 請填寫整數天數：到期前 0 到 30 天，逾期後 1 到 30 天，用逗號分隔。
error-quiet-hours-not-understood = 免打擾時段需要不同的開始和結束時間，例如 21:00-08:00。
settings-error-time-in-quiet = 這個時間在你的免打擾時段（{ $start }–{ $end }）內，提醒會一直推遲到第二天早上。請選擇免打擾時段以外的時間，或先修改免打擾時段。
settings-saved = 已儲存，提醒將按新設定傳送。

## One form at a time

form-in-the-way = 你正在{ $form }。請先完成，或傳送 /cancel 放棄。
form-name-addloan = 新增借款
form-name-paid = 記錄還款
form-name-settings = 修改設定
form-name-editing = 修改「{ $name }」
form-resume = 繼續{ $form }：

## 分期提前還款

addloan-field-prepaymentRule = 提前還款
addloan-ask-prepayment = 提前結清這筆分期時，尚未到期的手續費怎麼算？請選擇，或輸入按剩餘本金收取的比例（例如 3%）。
prepayment-waive-remaining-fees = 剩餘手續費免收
prepayment-charge-remaining-fees = 剩餘手續費照收
addloan-card-prepayment = 提前結清：{ $rule }
addloan-card-prepayment-percent = 提前結清：按剩餘本金收取 { $percent } 的費用

## 逾期規則細節

addloan-field-policyOverrides = 逾期細則
addloan-ask-policy-overrides = 你的合約怎麼規定？只寫與常見規則不同的部分，例如「寬限期5天 日0.05% 上報30天 違約金50」，或寫「x1.3」表示罰息為合約利率的 1.3 倍。
addloan-card-policy-details =
    寬限期 { $grace } 天 · 罰息 { $penalty } · 逾期約 { $report } 天可能上報徵信{ $lateFee ->
        [none] {""}
       *[other] {" · "}違約金 { $lateFee }
    }
policy-penalty-multiplier = 合約利率 × { $multiplier }
policy-penalty-daily = 每日 { $rate }
error-policy-not-understood = 沒看懂。可以這樣寫：寬限期5天 日0.05% 上報30天 違約金50。
error-policy-not-allowed = 這些規則互相矛盾：寬限期 0–30 天，上報須在寬限期之後，罰息倍數 1–2，或日利率 0–1%。
policy-late-fee-percent = 未還金額的 { $percent }（最低 { $floor }）
addloan-field-dayBasis = 計息天數
addloan-ask-day-basis = 合約按一年多少天計算日息？（銀行通常按 360 天。）
day-basis-360 = 360 天
day-basis-365 = 365 天
addloan-card-day-basis-365 = 日息按一年 365 天計算

## 還款衝抵順序（合約沒有另行約定時按《民法典》第561條）和出借方時區
addloan-field-allocationOrder = 還款衝抵順序
addloan-field-lenderTimeZone = 出借方時區
allocation-part-late-fee = 違約金
allocation-part-penalty = 罰息
allocation-part-fee = 手續費
allocation-part-interest = 利息
allocation-part-principal = 本金
allocation-preset-civil-code = 民法典順序（預設）
allocation-preset-principal-first = 先還本金
addloan-card-allocation-civil-code = 還款衝抵順序：{ $order }（《民法典》第561條，合約沒有另行約定時的預設順序）
addloan-card-allocation-principal-first = 還款衝抵順序：{ $order }（先還本金，按合約約定）
addloan-card-allocation-custom = 還款衝抵順序：{ $order }（按合約約定）
addloan-ask-allocation =
    每筆還款按什麼順序衝抵欠款？目前：{ $current }。
    合約沒有另行約定時，按《民法典》第561條依次衝抵違約金、罰息、手續費、利息、本金。請選擇，或按合約寫出全部五項的順序，例如「本金、利息、手續費、罰息、違約金」。
error-allocation-part-unknown = 「{ $text }」不是還款衝抵的一項。請按合約的順序把這五項各寫一次：{ $order }。
error-allocation-part-twice =
    { $part ->
        [late-fee] { $parts }寫了兩次（違約金和滯納金在這裡是同一項）。每項只寫一次。
       *[other] { $parts }寫了兩次。每項只寫一次。
    }
error-allocation-parts-missing = 缺少 { $count } 項：{ $parts }。請把五項都寫上，每項一次。
addloan-card-lender-zone = 出借方時區：{ $zone }（還款日是出借方的日期）
addloan-card-lender-zone-differs = 出借方時區：{ $zone }（還款日是出借方的日期；你的時區是{ $yours }，提醒會同時寫出兩邊的時間）
addloan-ask-lender-zone = 出借方在哪個時區？還款日按出借方的日期算。目前：{ $current }（你的時區：{ $yours }）。請寫城市或時差，例如 北京、香港、倫敦 或 UTC+8。

## /penalty：貸款機構實際收取的罰息，或已減免
command-penalty = 記錄貸款機構實際收取的罰息，或已減免
penalty-pick-installment = 是「{ $name }」的哪一期逾期？
button-installment = 第 { $n } 期（{ $date } 到期）
penalty-ask = 「{ $name }」第 { $n } 期（{ $date } 到期）：repaybot 估算目前的罰息和違約金為 { $estimate }。貸款機構實際收了多少？請輸入金額（例如 12.30），或點「機構已減免」。
button-penalty-waived = 機構已減免
penalty-none-past-due = 「{ $name }」沒有逾期或被收罰息的期數，沒有罰息可記錄。
penalty-recorded = 已記錄：貸款機構對「{ $name }」第 { $n } 期收取 { $amount }，從現在起以這個金額代替估算。這筆貸款還欠：{ $owed }。
penalty-waived = 已記錄：貸款機構減免了「{ $name }」第 { $n } 期的罰息。這筆貸款還欠：{ $owed }。
penalty-error-more-than-loan = { $amount } 比整筆貸款（{ $principal }）還多，請核對金額；未作記錄。
penalty-error-less-than-paid = 這一期的罰息您已還了 { $paid }，機構的金額不會比這更少。未作記錄。
penalty-error-nothing-to-waive = 這一期目前沒有罰息或違約金，無需減免。未作記錄。
penalty-error-not-past-due = 這一期還沒過還款日，沒有罰息。未作記錄。

## /overdue：逾期會怎樣，按時間線（issue 10）
command-overdue = 逾期會怎樣：時間線，含你自己的日期
overdue-typical-header = 逾期後通常會發生什麼（常見規則，以合約為準）：
overdue-typical-due = • 還款日：當天結束前還上，就算按時。
overdue-typical-grace = • 寬限期：很多銀行在還款日後給約 3 天寬限期，期內還款通常視為按時、不上報徵信。很多網貸沒有寬限期。
overdue-typical-penalty = • 罰息：寬限期結束後，從還款日次日起算。銀行：合約利率上浮 30%–50%；消費金融和網貸：常見按逾期總額每天 0.05%；信用卡還會收一次性違約金。
overdue-typical-reported = • 徵信：寬限期結束後通常會上報徵信。逾期記錄自結清之日起保留 5 年。
overdue-typical-collection = • 催收：約一個月後會有電話和簡訊。催收不得威脅、辱罵，未經同意不得在 22:00 至次日 08:00 催收，不得聯絡無關的人。
overdue-typical-legal = • 法律風險：幾個月後貸款機構可能起訴。欠款是民事糾紛：坐牢針對的是詐騙或拒不執行法院判決，而不是還不起錢。
overdue-typical-next = 用 /addloan 新增貸款後，/overdue 會顯示你自己的日期和金額。如果還不上，請在還款日前聯絡貸款機構，詢問延期或罰息減免。
overdue-header = 如果逾期，你的時間線：
overdue-installment = 「{ $name }」第 { $n }/{ $periods } 期，{ $date }到期：{ $amount }
overdue-line-due = • { $date }：還款日
overdue-line-grace = • { $from } 至 { $to }：寬限期，期內還款通常視為按時
overdue-line-stage = • { $date } 起：{ $stages }
overdue-line-stage-penalty = • { $date } 起：{ $stages }（到那時罰息約 { $penalty }）
overdue-stage-penalty = 開始計罰息，從還款日次日起算
overdue-stage-separator = ；
overdue-today-late = 今天：已逾期 { $days } 天，連同目前罰息 { $penalty } 共欠 { $owed }，{ $stage }。
overdue-today-ahead = 今天：{ $when }。在還款日前還上，以上都不會發生。
overdue-also = 這筆貸款還有 { $count } 期逾期，共 { $amount }。
overdue-more-loans = …… 還有 { $count } 筆貸款：/status 列出所有逾期。
overdue-footer = /status：現在逾期了什麼 · /payoff：提前結清 · /penalty：貸款機構實際收的罰息

## 自由提問回答下方你自己的數字（issue 10，第 4 點）
figures-header = 你的數字：
figures-about = 「{ $name }」的數字：
figures-about-urgent = 「{ $name }」的數字，這是你最緊急的一筆貸款（在問題裡寫上貸款名稱，可看那筆的數字）：
button-figures-for = 看「{ $name }」的數字
figures-installment-ahead = 「{ $name }」第 { $n } 期，{ $date }到期：{ $amount }，{ $when }。
figures-installment-late = 「{ $name }」第 { $n } 期，{ $date }到期：{ $amount }，已逾期 { $days } 天，目前罰息 { $penalty }，{ $stage }。
figures-penalty-if-late = 按這些規則，逾期 { $days } 天還款罰息為 { $penalty }；逾期 30 天為 { $laterPenalty }。
figures-penalty-per-day = 每多逾期一天，罰息約增加 { $amount }。
figures-grace = 按這些規則，它有 { $days } 天寬限期，到 { $to }：在此之前還款通常視為按時。
figures-in-grace = 你現在處於寬限期：在 { $to } 前還款通常視為按時。
figures-no-grace = 按這些規則，它沒有寬限期：從 { $date } 起算作逾期。
figures-reported-from = 如果仍未還款，可能從 { $date } 起上報徵信。
figures-reported-since = 可能已從 { $date } 起上報徵信：現在還款可以避免記錄繼續變差。
figures-see-overdue = 完整時間線：/overdue
figures-payoff = 今天結清「{ $name }」：{ $total }；按計畫還款共需 { $scheduled }，可省 { $saved }（未計合約約定的提前還款費用）。
figures-apr = 「{ $name }」：真實年化利率 { $apr }
figures-overdue-total = 目前逾期：{ $amount }，目前罰息 { $penalty }（{ $count } 筆貸款）。
figures-next-due = 下一期：{ $date }還 { $amount }，{ $when }。
figures-partial = 「{ $name }」第 { $n } 期（{ $date }到期）目前欠 { $owed }。用 /paid 記錄部分還款，/status 會顯示還剩多少。
figures-typical-rules = 以上為這筆貸款的常見規則，以合約為準。

## 自由提問（issue 10）
command-faq = 還款問題解答
faq-empty = 可以直接用自己的話問我還款的問題，例如「逾期會怎樣？」，或傳送 /help 檢視指令。
faq-unsure = 我不太確定你的意思。最接近的話題：
faq-out-of-scope = 這個我幫不上忙。我可以記錄你的貸款和還款日（/addloan、/next、/status），並回答還款相關的問題：罰息、寬限期、徵信、催收、提前還款、還不上怎麼辦。傳送 /help 檢視指令。
faq-loan-offer = 這看起來是一筆貸款，下面按新貸款填好了：
faq-other-language = 抱歉，我只會中文和英文（English）。請用其中一種語言問我還款的問題，或傳送 /help 檢視指令。

## 困難申請（/hardship、/requests）與營運方審閱（/queue）—— issue 11

command-hardship = 向貸款方申請幫助：延期、協商還款、罰息減免
command-requests = 你的困難申請及處理狀態
command-review = 對困難申請作出決定
command-note = 給目前決定寫備註：/note 備註內容
command-queue = 等待處理的困難申請（最早的在前）
form-name-hardship = 填寫困難申請
button-continue = 繼續
button-skip = 跳過

hardship-intro = 我們一起整理一份求助申請。我會問幾個問題（收支問題都可以跳過）；最後你會先看到全部內容，確認後才會發出。/back 回到上一題，/cancel 停止。
hardship-no-loans = 你沒有還需要還款的貸款。請先用 /addloan 新增。
hardship-back-hint = （/back：上一題 · /cancel：停止）
hardship-ask-loans = 這次申請涉及哪些貸款？點選一筆或多筆，然後點「繼續」。
hardship-ask-kind =
    哪種幫助最有用？
    • 延期：還款往後推 { $maxMonths ->
        [one] 1 個月
       *[other] 最多 { $maxMonths } 個月
    }
    • 協商分期：每月少還一些，分更長時間還
    • 罰息減免：免除已產生罰息的全部或一部分
    • 暫停催收聯絡：貸款方處理期間暫停催收
hardship-kind-deferral = 延期
hardship-kind-new-plan = 協商新的還款計畫
hardship-kind-waiver = 罰息減免
hardship-kind-collection-pause = 暫停催收聯絡
hardship-ask-reason = 為什麼無法按計畫還款？
hardship-reason-job-loss = 失業
hardship-reason-illness = 生病或受傷
hardship-reason-income-drop = 收入下降
hardship-reason-family-emergency = 家庭突發情況
hardship-reason-disaster = 災害（火災、水災等）
hardship-reason-dispute = 與貸款方有爭議或對方出錯
hardship-reason-other = 其他原因
hardship-ask-reason-text = 請用自己的話說說發生了什麼、從什麼時候開始。幾句話就能幫貸款方理解你的情況。（也可以跳過）
hardship-error-reason-too-long = 超過了 { $max } 個字，請精簡一些。
hardship-ask-income = 你每月的稅後收入：寫一個總數，或者分項寫，例如「工資6000 補貼500」。（也可以跳過）
hardship-ask-fixed = 你每月的固定支出：房租或房貸、其他抵押貸款、水電燃氣、醫療護理、交通、學費、保險等——寫一個總數，或者例如「房租2500 電費150 交通300」。（也可以跳過）
hardship-ask-flexible = 你每月的彈性支出：飲食家用、話費娛樂、個人開銷——寫一個總數，或者例如「買菜1500 話費100」。（也可以跳過）
hardship-group-income = 收入
hardship-group-fixed = 固定支出
hardship-group-flexible = 彈性支出
hardship-ask-months = 還款往後推幾個月？（最多 { $maxMonths } 個月）
hardship-button-months = { $months } 個月
hardship-ask-monthly = 這些貸款你每月一共能還多少？請輸入金額。
hardship-suggested-monthly = 按你的收支，每月大約能留出 { $amount } 用於還這些貸款。
hardship-button-suggested = { $amount }（按收支計算）
hardship-no-disposable = 按你的收支，扣除開銷後每月沒有餘錢：請寫出你仍然能還的金額，哪怕很少——由貸款方決定。
hardship-ask-percent = 這些貸款目前的罰息：{ $penalty }。你申請減免多少？點選，或輸入百分比（例如 80%）。
hardship-no-penalty = 這些貸款目前還沒有罰息，沒有可以減免的。請選擇其他幫助方式。
hardship-ask-evidence = 你能向貸款方提供哪些證明？點選所有能提供的，然後點「繼續」。
hardship-evidence-termination-letter = 解除勞動合約證明
hardship-evidence-unemployment-registration = 失業登記證明
hardship-evidence-bank-statements = 銀行流水
hardship-evidence-hospital-record = 醫院診斷或病歷
hardship-evidence-medical-bills = 醫療費用單據
hardship-evidence-sick-leave-note = 病假證明
hardship-evidence-payslips = 工資條
hardship-evidence-employer-letter = 單位出具的證明
hardship-evidence-family-document = 家庭突發情況的證明
hardship-evidence-bills = 由此產生的費用單據
hardship-evidence-disaster-certificate = 受災證明
hardship-evidence-damage-photos = 損失照片
hardship-evidence-insurance-claim = 保險理賠材料
hardship-evidence-contract = 借款合約
hardship-evidence-payment-receipts = 還款憑證
hardship-evidence-correspondence = 與貸款方的往來資訊
hardship-evidence-other-document = 其他材料
hardship-evidence-none = 暫無
hardship-use-buttons = 這一題請用按鈕回答。
hardship-nothing-to-propose = 按這個選擇，這些貸款沒有可以調整的內容（沒有可推遲或重新分攤的還款）。請選擇其他幫助方式。

hardship-proposal-deferral = 延期 { $months } 個月
hardship-proposal-new-plan = 新的還款計畫：每月 { $amount }，共 { $months } 個月
hardship-proposal-waiver = 減免 { $percent } 的罰息
hardship-proposal-pause = 暫停催收聯絡 { $days } 天
hardship-loan-current = { $name }：尚欠 { $owed }，未逾期（下一期 { $next }）
hardship-loan-overdue = { $name }：尚欠 { $owed }；逾期 { $arrears }，已逾期 { $days } 天，目前罰息 { $penalty }
hardship-error-never-repays = 每月 { $amount } 永遠還不完這些貸款：光利息每月就有 { $interest }。請輸入比這更多的金額，或用 /back 返回選擇延期或罰息減免。
hardship-error-too-long = 每月 { $amount } 在 { $months } 個月內還不完：需要每月 { $needed }。請至少輸入這個金額，或用 /back 返回選擇延期或罰息減免。
hardship-budget-not-given = 未填寫
hardship-budget-incomplete = 扣除開銷後每月剩餘：無法計算（有一組未填寫）
hardship-budget-skipped = 收支：未填寫。
hardship-budget-line = 每月收支：收入 { $income }，固定支出 { $fixed }，彈性支出 { $flexible }
hardship-budget-disposable = 扣除開銷後每月剩餘：{ $amount }
hardship-budget-shortfall = 扣除開銷後每月缺口：{ $amount }
hardship-plan-line = { $name }：{ $amount } 重新分 { $months } 個月還，每月 { $payment }（首期 { $first }；利息 { $interest }）
hardship-plan-problem-never-repays = 這個金額連每月利息都不夠：欠款永遠還不完。貸款方不會接受；可以考慮申請減免利息或延期。
hardship-plan-problem-too-long = 即使分 60 個月，每月金額也高於這個數；下面顯示的是 60 個月的方案。
hardship-plan-problem-exceeds-target = 方案的每月金額高於你說的能還的金額。
hardship-plan-above-disposable = 每月 { $payment } 超過了你收支剩餘的 { $disposable }：貸款方會問你打算怎麼還。
hardship-deferral-line = { $name }：{ $count } 期往後推，第一期從 { $from } 推到 { $to }
hardship-waiver-line = 第 { $n } 期：罰息 { $penalty }
hardship-summary-title = 你的申請：{ $request }
hardship-summary-reason = 原因：{ $reason }
hardship-summary-reason-text = 原因：{ $reason }——「{ $text }」
hardship-summary-evidence = 能提供的證明：{ $evidence }
hardship-button-submit = ✅ 提交並共享
hardship-button-english = 英文版申請信
hardship-consent = 點「提交」後，這份申請、你的收支和這些貸款的數字會發給營運這個機器人的人進行審閱。不會自動決定，也不承諾任何結果：由貸款方決定。
hardship-consent-no-operator = 這個機器人目前沒有人審閱申請：點「提交」會儲存申請，並給你一封申請信，由你自己發給貸款方。
hardship-cancelled = 申請已放棄，什麼也沒有發出。
hardship-already-open = 其中一筆貸款的申請 #{ $id } 還在等待處理。見 /requests（可以在那裡撤回）。
hardship-submitted = 申請 #{ $id } 已提交並送審。有結果時會在這裡通知你；/requests 可以檢視狀態。
hardship-submitted-no-operator = 申請 #{ $id } 已儲存。請把下面的申請信發給你的貸款方；/requests 可以檢視。
hardship-letter-intro = 可以發給貸款方的申請信（也附上了檔案）：
hardship-letter-file-caption = 申請 #{ $id }：給貸款方的申請信
hardship-letter-date = 日期：{ $date }
hardship-letter-subject = 事由：申請{ $request }——{ $loans }
hardship-letter-greeting = 尊敬的貸款機構：
hardship-letter-opening = 我因無法按約定繼續還款，特此致函。原因：{ $reason }。
hardship-letter-own-words = 具體情況：{ $text }
hardship-letter-ask = 我希望申請{ $request }。
hardship-letter-evidence = 我可以提供：{ $evidence }。
hardship-letter-closing = 我願意償還所欠款項，懇請予以考慮。請以書面形式答覆；處理期間，懇請暫不將我按違約報送。
hardship-letter-signature = 此致

hardship-status-open = 等待處理
hardship-status-info-requested = 營運方有問題問你
hardship-status-approved = 已通過
hardship-status-rejected = 未通過
hardship-status-withdrawn = 已撤回
hardship-decided-approved = ✅ 你的申請 #{ $id }（{ $request }）已通過。
hardship-decided-rejected = 你的申請 #{ $id }（{ $request }）未獲通過。你仍然可以直接聯絡貸款方，或用 /hardship 申請其他幫助。
hardship-decided-info-requested = 關於你的申請 #{ $id }（{ $request }），營運方想了解：
hardship-decided-open = 你的申請 #{ $id } 正在等待處理。
hardship-decided-withdrawn = 你的申請 #{ $id } 已撤回。
hardship-decided-note = 「{ $note }」
hardship-decided-waived = { $name }：已減免罰息 { $amount }。
hardship-decided-schedule = { $name } 的新還款計畫：
hardship-decided-installment = { $n }. { $date } — { $amount }
hardship-decided-more = ……還有 { $count } 期（/schedule）
hardship-decided-pause-until = 逾期提醒暫停到 { $date }。

requests-title = 你的申請：
requests-empty = 你還沒有申請。用 /hardship 開始。
requests-item = #{ $id } { $request } —— { $status }（{ $date } 提交）
requests-question = 營運方的問題：「{ $text }」
requests-button-answer = 回答 #{ $id }
requests-button-withdraw = 撤回 #{ $id }
requests-ask-answer = 請輸入對申請 #{ $id } 的回答（一條訊息；/cancel 停止）。
requests-answer-too-long = 超過了 { $max } 個字，請精簡一些。
requests-answer-sent = 謝謝：你的回答已附在申請 #{ $id } 上，也已發給營運方。
requests-not-asked = 申請 #{ $id } 目前不需要你回答。
requests-withdrawn = 申請 #{ $id } 已撤回。提醒照常繼續。
requests-not-undecided = 申請 #{ $id } 已無法撤回：狀態是{ $status }。

review-title = 📋 困難申請 #{ $id }：{ $request }（{ $status }）
review-borrower = 借款人：使用者 { $user }，自 { $since } 起使用本機器人（{ $days } 天）
review-waited = { $date } 提交，已等待 { $days } 天
review-past-sla = 超過 { $days } 天的處理時限
review-plan = { $name } 的方案：{ $amount } 分 { $months } 個月，每月 { $payment }，首期 { $first }
review-deferral = { $name } 從第 { $n } 期起延期：{ $from } → { $to }，之後各期同樣順延
review-waiver = { $name } 第 { $n } 期減免：罰息 { $penalty }，逾期 { $days } 天，{ $history }——建議減免 { $suggested }（僅供參考）
review-evidence = 借款人能提供的證明：{ $evidence }
review-first-overdue = 首次逾期
review-repeated-overdue = 曾有逾期
review-note-operator = 營運方提問：「{ $text }」
review-note-borrower = 借款人回答：「{ $text }」
review-button-approve = ✅ 通過
review-button-reject = ❌ 拒絕
review-button-ask = ❓ 要求補充
review-button-no-note = 不寫備註
review-ask-note-approve = 通過申請 #{ $id }。請輸入給借款人的備註（在團隊聊天中請用：/note 備註內容），或點「不寫備註」。
review-ask-note-reject = 拒絕申請 #{ $id }。請輸入給借款人的理由（在團隊聊天中請用：/note 理由），或點「不寫備註」。
review-ask-note-ask = 關於申請 #{ $id }，需要借款人補充什麼？請輸入問題（在團隊聊天中請用：/note 問題）。
review-no-note-expected = 現在沒有等待備註的決定。請先點申請下面的按鈕。
review-note-too-long = 超過了 { $max } 個字，請精簡一些。
review-cancelled = 未作決定。
review-done-approve = 申請 #{ $id } 已通過並生效；已通知借款人。
review-done-reject = 申請 #{ $id } 已拒絕；已通知借款人。
review-done-ask = 問題已發給申請 #{ $id } 的借款人。
review-already-decided = 申請 #{ $id } 已經處理過：營運方 { $operator } 於 { $date } {$status}。沒有任何改動。
review-withdrawn = 申請 #{ $id } 已被借款人撤回。沒有任何改動。
review-no-such-request = 沒有申請 #{ $id }。
review-team-approve = 申請 #{ $id } 已由營運方 { $operator } 通過：{ $note }
review-team-reject = 申請 #{ $id } 已由營運方 { $operator } 拒絕：{ $note }
review-team-ask = 營運方 { $operator } 向申請 #{ $id } 的借款人提問：{ $note }
review-borrower-answered = 借款人回答了申請 #{ $id }：
review-borrower-withdrew = 借款人撤回了申請 #{ $id }。
queue-empty = 沒有等待處理的申請。
queue-title = { $count } 份申請等待處理，最早的在前（時限：{ $days } 天內處理）：
queue-button-open = 開啟 #{ $id }
queue-promises-title = 還款承諾：
queue-promise = • 使用者 { $user }，{ $name }：{ $date } 前還 { $amount } —— { $status }

error-budget-not-understood = 沒看懂。請寫這一組的總數（如 8000），或者逐項寫金額，例如：房租3000 電費200。
error-budget-item-unknown = 「{ $word }」不是這一組裡我認得的一項。請換個說法，或者直接寫這一組的總數。
error-budget-item-other-group = 「{ $word }」屬於{ $group }，那一題會單獨填寫，這裡先不寫。
error-budget-item-without-amount = 「{ $word }」每月多少錢？請在後面寫上金額，例如：{ $word }300。
error-budget-amount-without-item = { $amount } 是哪一項？請在金額旁寫上是什麼費用。
error-budget-total-below-items = 合計 { $total } 比所列各項加起來（{ $items }）還少。請改正合計，或者不寫合計。
error-percent-not-understood = 請輸入 1 到 100 之間的百分比，例如 80 或 80%。

## promise to pay
command-promise = 承諾某天還款：在那之前暫停逾期提醒
form-name-promise = 填寫還款承諾
promise-nothing-due = 你的借款目前沒有逾期或今天到期的款項，不需要承諾還款。傳送 /next 檢視下一期。
promise-nothing-due-loan = 「{ $name }」目前沒有逾期或今天到期的款項：還款承諾只針對已經到期的錢。
promise-pick-loan = 要承諾還哪一筆借款？
promise-ask-date = 你打算哪天還「{ $name }」（現在應還 { $owed }）？可以是從今天 { $today } 起 { $days } 天內的任何一天，最晚 { $lastDay }。請輸入日期，例如 { $example }、25號或明天。
promise-card =
    還款承諾：「{ $name }」
    金額：{ $amount }（現在應還 { $owed }）
    日期：{ $date }
    在那天之前，「{ $name }」的逾期提醒會暫停；到了那天我會提醒你。如需修改金額或日期，直接輸入新的。
promise-error-date-in-past = { $date } 已經過去了：日期不能早於今天 { $today }。
promise-error-date-too-far = { $date } 太遠了：承諾的日期必須在 { $days } 天內，最晚 { $lastDay }。
promise-error-more-than-owed = 這超過了「{ $name }」的全部欠款：一共 { $owed }。
promise-recorded = 已記錄還款承諾：{ $date }向「{ $name }」還 { $amount }。在那之前，「{ $name }」的逾期提醒會暫停。
promise-replaced = 它取代了你之前的承諾：{ $date }還 { $amount }。
promise-remind-at = 我會在 { $date } { $time } 提醒你。
promise-day-message = 📅 今天是你承諾向「{ $name }」還 { $amount } 的日子。還款後，點「已還款」記錄下來。
promise-open = 你的還款承諾：{ $date }向「{ $name }」還 { $amount }。在那之前，它的逾期提醒會暫停。
promise-last = 你上一次的還款承諾：{ $date }向「{ $name }」還 { $amount }，{ $status }。
promise-status-open = 進行中
promise-status-kept = 已兌現 ✓
promise-status-broken = 未兌現（提醒已恢復）
promise-status-cancelled = 已取消
promise-cancelled = 已取消還款承諾：{ $date }向「{ $name }」還 { $amount }。「{ $name }」的逾期提醒恢復正常。
promise-not-open = 這個承諾已經結束了。傳送 /promise 檢視它的狀態。
promise-cancel-done = 好的，沒有記錄承諾。
button-promise = 🤝 我會在某天還…
button-promise-loan = 🤝 我會在某天還 { $name }…
button-promise-cancel = 取消這個承諾
button-promise-cancel-loan = 取消「{ $name }」的承諾
button-promise-new = 新的承諾

## export and privacy

command-export = 下載我儲存的你的全部資料（JSON 和 CSV 檔案）
command-privacy = 我儲存了你的哪些資料、為什麼、儲存多久、誰能看到
export-nothing = 目前沒有可匯出的內容：我這裡沒有你的借款、還款記錄、困難申請或還款承諾。關於你我只儲存了設定（語言、時區、提醒），/settings 可以檢視。
export-json-caption =
    📦 我儲存的你的全部資料，都在這一個檔案裡（JSON，格式版本 { $version }）：
    借款：{ $loans } · 分期：{ $installments } · 還款：{ $payments }
    困難申請：{ $requests } · 還款承諾：{ $promises } · 歷史記錄：{ $audit }
    請妥善保管：檔案裡有你的財務資訊。
export-csv-loans = loans.csv —— 你的借款，每筆一行，可用表格軟體開啟（Excel 中中文名稱正常顯示）。
export-csv-installments = installments.csv —— 每筆借款的每一期：到期日、本金、利息、手續費、已還金額。
export-csv-payments = payments.csv —— 記錄的每筆還款，含所屬借款，以及其中用於罰息和違約金的金額。
privacy-stored =
    🔒 我儲存了你的哪些資料
    • 你的個人資料和設定：Telegram 使用者 ID、語言、時區和提醒設定；
    • 你輸入的借款、還款計畫、你記錄的還款，以及貸款方收取或減免的罰息；
    • 你的還款承諾和困難申請（原因、收支預算、方案、你和營運人員之間的留言），以及每一步的歷史記錄；
    • 技術記錄：已安排和已傳送的提醒、你正在填寫的表單，以及一天之內收到的 Telegram 訊息編號（避免同一操作執行兩次）。
privacy-why = 為什麼：為了告訴你欠多少、何時到期，在到期前提醒你，並把困難申請轉交給負責作出決定的人。這些資料不作其他用途。
privacy-how-long = 儲存多久：借款及其還款計畫、還款記錄、罰息記錄和還款承諾，儲存到你用 /deleteloan 刪除這筆借款為止；你的設定、困難申請以及申請和承諾的歷史記錄，儲存到你用 /forget 刪除一切為止。歷史記錄不能被改寫（/forget 只會把你的記錄假名化），刪除借款後也會保留，因此申請和決定的經過始終有據可查。
privacy-who = 誰能看到：營運這個機器人的人（貸款機構的貸後服務團隊、債務諮詢機構，或自己架設它的個人）。他們能看到你提交的困難申請及其涉及借款的數字，以及你的還款承諾；作為資料庫的管理者，他們也能讀取全部資料。你的借款只在你和我的一對一對話中顯示；營運人員的聊天只會收到你提交的申請和承諾。
privacy-commands = 你可以用的指令：
privacy-command-export = /export —— 下載我儲存的你的全部資料：一個 JSON 檔案，以及可用 Excel 開啟的 CSV 檔案。
privacy-command-import = /import —— 把匯出的 JSON 檔案發回給我，恢復你的借款和還款記錄（先預覽，經你確認後才恢復）。
privacy-command-forget = /forget —— 刪除關於你的一切（需要輸入確認詞）；之後歷史記錄只保留假名化的事件，不含文字、金額或名稱。
privacy-command-forget-coming = /forget —— 即將推出：刪除關於你的一切。在此之前，/deleteloan 可以刪除一筆借款及其還款計畫、還款記錄和承諾；其餘資料請聯絡營運這個機器人的人刪除。

## input faults

paid-word-not-understood =
    沒看懂「{ $word }」。
    { $reason }
paid-ask-amount = 你這次給「{ $name }」還了多少？請輸入金額，不是今天還的話再加上日期（例如 500，或 500 昨天）。下一期應還 { $amount }。
form-name-undo = 撤銷一筆還款
form-name-deleteloan = 刪除借款
form-name-penalty = 記錄罰息
form-name-requests = 回覆申請
form-name-review = 填寫決定的備註

## forget and import

command-forget = 刪除我儲存的你的全部資料
command-import = 用匯出檔案恢復你的借款和還款
error-document-not-expected = 我沒有在等檔案。要用匯出檔案恢復借款，請傳送它的 JSON 檔案（/import 有說明）。
forget-word = 刪除
forget-confirm =
    ⚠️ 這會刪除我儲存的關於你的一切：你的設定、每筆借款及其還款計畫、還款和罰息記錄、還款承諾、困難申請及其備註、已安排的提醒，以及你正在填寫的表單。刪除後無法恢復：如果想留一份，請先用 /export 匯出。
    申請和承諾的歷史記錄只保留假名化的事件（發生了什麼、什麼時候，不含文字、金額或名稱）。
    確定要刪除，請輸入「{ $word }」。輸入其他任何內容都會取消。
forget-cancelled = 沒有刪除任何內容。
forget-private-only = /forget 和 /import 只能在與我的私聊中使用，那裡別人看不到你的資料。請直接給我發訊息。
forget-done = 🗑 完成：關於你的一切都已刪除。
forget-done-loans = 借款：{ $loans } · 期數：{ $installments } · 還款：{ $payments } · 罰息記錄：{ $penalties }
forget-done-requests = 困難申請：{ $requests } · 申請備註：{ $notes } · 還款承諾：{ $promises }
forget-done-other = 提醒和待發訊息：{ $reminders } · 未完成的表單：{ $forms } · 其他記錄：{ $updates }
forget-done-audit = 保留的歷史記錄（已假名化，不含你的 ID、文字、金額或名稱）：{ $audit }
forget-done-no-audit = 沒有需要保留的申請或承諾歷史記錄。
forget-done-after = 如果你再給我發訊息，我會從零開始。/import 可以恢復你儲存的匯出檔案。
import-how = 請把 /export 給你的 JSON 檔案發給我（用回形針以檔案形式傳送），恢復之前我會先告訴你裡面有什麼。
import-private-only = /forget 和 /import 只能在與我的私聊中使用，那裡別人看不到你的資料。請直接給我發訊息。
import-too-large = 這個檔案太大，不像匯出檔案（上限 { $max } MB）。請傳送 /export 給你的 JSON 檔案。
import-not-json = 我讀不了這個檔案：它不是完整的 JSON（可能被截斷或修改過）。請原樣傳送 /export 給你的 JSON 檔案。
import-not-export = 這個檔案不是 repaybot 的匯出檔案。請傳送 /export 給你的 JSON 檔案。
import-newer-version = 這個匯出檔案的格式較新（版本 { $version }），本機器人只能讀取到版本 { $supported }。請讓執行本機器人的人更新後再發送。
import-invalid = 這個匯出檔案中有我無法接受的欄位（{ $where }），所以沒有匯入任何內容。請原樣傳送 /export 給你的 JSON 檔案。
import-no-loans = 這個匯出檔案裡沒有借款，沒有可匯入的內容。
import-download-failed = 我下載不了這個檔案，請再發送一次。
import-preview = 📥 { $date } 的匯出檔案包含：
import-preview-counts = 借款：{ $loans } · 期數：{ $installments } · 還款：{ $payments } · 罰息記錄：{ $penalties }
import-preview-totals = 借款總額：{ $principal } · 已還總額：{ $paid }
import-preview-renamed = 「{ $from }」將以「{ $to }」匯入：你已經有一筆同名的借款。
import-preview-settings = 你的設定（語言、時區、提醒）將採用匯出檔案中的設定。
import-preview-settings-kept = 你在這裡的設定保持不變。
import-preview-skipped = 不匯入：困難申請（{ $requests }）、還款承諾（{ $promises }）和歷史記錄（{ $audit }）：它們由生成匯出檔案的機器人決定和儲存。
import-preview-ask = 要匯入這些借款嗎？按「匯入」之前不會有任何改變。
button-import = 匯入
import-cancelled = 沒有匯入任何內容。
import-done = ✅ 已匯入：{ $names }。恢復的還款：{ $payments } 筆。/loans 可以檢視。
import-file-unreadable = 無法開啟 { $path }：{ $reason }

## calendar
command-calendar = 把還款日加入日曆（檔案或訂閱連結）
calendar-name = 貸款還款
calendar-event-summary = 還款 { $amount } · { $name }
calendar-event-description = { $name }：第 { $n } 期，共 { $periods } 期，到期日 { $date }。結清本期需還：{ $amount }。
calendar-event-penalty = 其中含截至目前的罰息和滯納金 { $penalty }；未還清期間每天還會增加。
calendar-alarm = { $name }：{ $amount }，{ $date } 到期
calendar-caption = 📅 { $loans } 筆貸款共有 { $count } 期待還。開啟檔案即可加入日曆；以後再匯入新的檔案會更新同一批日程，不會重複新增。
calendar-nothing = 沒有可以加入日曆的內容：你的貸款都沒有待還的分期。可以用 /addloan 新增貸款。
calendar-feed-unavailable = 訂閱連結需要機器人的網頁服務（webhook 模式），這裡沒有執行。請傳送 /calendar 獲取日曆檔案。
calendar-feed-created = 🔗 你的私人日曆連結：
    { $url }
    在日曆應用中訂閱它，它會始終顯示你目前的還款計畫。任何拿到連結的人都能看到你的還款日，請不要分享。再次傳送 /calendar feed 會生成新連結並停用這個；/calendar revoke 可以停用它。
calendar-feed-revoked = 你的日曆連結已停用，不再顯示任何內容。
calendar-feed-none = 你沒有需要停用的日曆連結。
calendar-usage = 傳送 /calendar 獲取日曆檔案，/calendar feed 獲取訂閱連結，/calendar revoke 停用連結。

## plan (issue 14: the way out across all loans)
command-plan = 多筆貸款的還清計畫：/plan 500 表示每月多還 500
plan-no-loans = 你還沒有未結清的貸款，無需計畫。可用 /addloan 新增。
plan-bad-extra = 請輸入每月額外還款的正數金額，例如 /plan 500（或只發 /plan）。
plan-extra-too-large = 這個額外金額超出了上限（每月 { $cap }：每月應還的 100 倍，最多 1,000,000）。請輸入較小的金額，例如 /plan 500。
plan-header-no-extra = 你的 { $loans } 筆貸款只按計畫還款的情況如下。加上每月額外金額（例如 /plan 500）可以看到每種策略能提前多久還清。
plan-header = 你的 { $loans } 筆貸款，每月額外還 { $extra }：
plan-strategy-schedule = 只按計畫還款
plan-strategy-avalanche = 雪崩法（真實年化利率最高的先還）
plan-strategy-snowball = 雪球法（餘額最小的先還）
plan-debt-free = 還清日期：{ $date }（{ $months } 個月）
plan-beyond-horizon = 按這個速度，50 年內還不清。
plan-totals = 利息 { $interest }，手續費和罰息 { $fees }，共還 { $total }
plan-saving = 比只按計畫還款節省 { $amount }
plan-order = 額外金額依次還：{ $names }
plan-rules = 帶罰息的逾期金額最先還。一筆貸款還清後，它的月供轉給下一筆。提前還款費用按每筆貸款的規則計算；這是估算，請以合約為準。

## chart
command-chart = 用圖看還款：未來 12 個月，或一筆借款（/chart 名稱）
chart-nothing = 沒有可以畫圖的內容：你的貸款在未來 12 個月裡都沒有待還的分期。可以用 /addloan 新增貸款。
chart-all-title = 未來 12 個月每月應還
chart-axis-month = 月份
chart-axis-due = 應還金額
chart-other-loans = 其他 { $count } 筆貸款
chart-all-caption = 你的 { $loans } 筆貸款在未來 12 個月共需還 { $total }（逾期金額計入本月）。
chart-all-caption-heavy = 加粗框出的 { $count } 個月是還款最重的月份。
form-name-forget = 刪除你的全部資料
form-name-import = 匯入你的資料
chart-loan-title = { $name }：餘額與每期還款
chart-loan-axis-due = 到期日
chart-loan-axis-year = 年份
chart-loan-axis-balance = 剩餘本金
chart-loan-axis-installment = 每期還款
chart-loan-axis-per-year = 每年還款
chart-legend-principal = 本金
chart-legend-interest = 利息
chart-legend-fees = 費用
chart-legend-balance = 剩餘本金
chart-legend-paid = 已還
chart-legend-overdue = 逾期
chart-legend-today = 今天
chart-loan-caption = 「{ $name }」：{ $periods } 期中已還 { $paid } 期，剩餘本金 { $principal }，按計畫還需還 { $owed }。
chart-loan-caption-overdue = 有 { $count } 期逾期（虛線框）。
chart-loan-caption-yearly = 每根柱子代表一年（共 { $periods } 期）。
chart-loan-paid-off = 「{ $name }」已經還清，沒有可以畫圖的內容。傳送 /chart 檢視其他借款。
chart-loan-unknown = 你沒有名為「{ $name }」的借款。請選一筆，或傳送 /chart 檢視全部借款。
plan-chart-title = 各方案剩餘欠款
plan-chart-axis-month = 月份
plan-chart-axis-debt = 剩餘欠款
plan-chart-schedule = 只按計畫還款
plan-chart-avalanche = 雪崩法
plan-chart-snowball = 雪球法
plan-chart-caption = 圖：每種方案每月剩餘的欠款。
text-only = 我只能讀文字訊息。請用文字輸入，或傳送指令，例如 /help。
