# GENERATED from zh-Hans.ftl by `npm run locales` (OpenCC + zh-Hant.overrides.ftl). Do not edit.
## repaybot — 簡體中文
## zh-Hant.ftl 由本檔案經 OpenCC 轉換生成（npm run locales），請只改本檔案與 zh-Hant.overrides.ftl。

## 命令（用於 /help 和 Telegram 命令選單）

command-start = 歡迎與功能介紹
command-addloan = 新增一筆借款（逐步填寫，或一行寫完）
command-loans = 你的借款和剩餘應還
command-next = 下一期什麼時候還、還多少
command-language = 切換語言
command-cancel = 取消正在填寫的內容
command-help = 命令列表

## /start 和 /help

start-welcome =
    你好！我是 repaybot，你的還款助手。

    我幫你管理貸款、分期、先享後付和信用卡賬單：哪天要還、還多少、真實年化利率是多少，以及還不上時該怎麼辦。

    先用 /addloan 新增借款——可以逐步填寫，也可以一行寫完：
    /addloan 招行分期 12000 12期 月費率0.6% 首期2026-12-10

    之後用 /next 檢視下一期應還。/help 檢視全部命令。

    隱私：我只儲存你告訴我的資訊，只用來幫助你；其他使用本機器人的人看不到。
help-header = 我能做這些：
help-footer = 提示：/addloan 也可以一行寫完，例如 /addloan 手機分期 6000 12期 月費率0.6% 首期2027-01-10

## /language

language-choose = 當前語言：{ $language }。請選擇語言：
language-set = 好的，之後我會用{ $language }和你溝通。
language-unknown = 我不認識「{ $choice }」這種語言。

## /cancel

cancel-done = 已取消，沒有儲存任何內容。
cancel-nothing = 現在沒有需要取消的內容。

## 錯誤提示

error-stale-button = 這個按鈕來自較早的訊息，已經失效。
error-message-too-long = 訊息太長了（超過 { $max } 個字元），請傳短一點。
error-unknown-command = 我不認識命令 { $command }。傳送 /help 檢視我能做什麼。
error-not-understood = 沒看懂這句話。傳送 /help 檢視我能做什麼，或用 /addloan 新增借款。
error-internal = 抱歉，我這邊出了點問題。你輸入的內容沒有遺失，請稍後再試。
error-amount-not-number = 請用數字填寫金額，例如 12000、12,000 或 1.2萬。
error-amount-not-positive = 金額必須大於零。
error-amount-too-large = 金額太大了：最多 100,000,000。
error-amount-too-many-decimals = 金額最多兩位小數（精確到分）。
error-date-not-understood = 請按「年-月-日」填寫日期，例如 2027-01-15。
error-date-impossible = 日曆上沒有這一天，請檢查月份和日期。
error-date-out-of-range = 請填寫 2000 年到 2100 年之間的日期。
error-periods-not-number = 請用整數填寫期數，例如 12。
error-periods-out-of-range = 期數必須在 1 到 600 之間。
error-rate-not-number = 請用數字填寫利率，例如年利率 12% 寫 12%，月利率寫「月利率1%」。
error-rate-negative = 利率不能是負數。
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

addloan-intro = 我們來新增一筆借款，共六個小問題；隨時傳送 /cancel 可以退出。
addloan-ask-name = （{ $step }/{ $steps }）這筆借款叫什麼？例如貸款機構或所購商品：「車貸」、「招行分期」。
addloan-ask-principal = （{ $step }/{ $steps }）借了多少錢？例如 10000、12,000 或 1.2萬。
addloan-ask-method = （{ $step }/{ $steps }）還款方式是哪種？請選擇（合同或 App 裡會寫明）：
addloan-ask-rate = （{ $step }/{ $steps }）利率是多少？例如 12%（年利率）、「月利率1%」或「日利率0.05%」。
addloan-ask-rate-fee = （{ $step }/{ $steps }）每期手續費率（月費率）是多少？例如 0.6%。
addloan-ask-periods = （{ $step }/{ $steps }）分幾期（按月）還？例如 12。
addloan-ask-first-due = （{ $step }/{ $steps }）第一期哪天還？例如 { $example }。
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
addloan-card-method = 還款方式：{ $method }
addloan-card-rate = 利率：{ $rate }
addloan-card-periods = 期數：{ $periods }
addloan-card-first-due = 首期還款日：{ $date }
addloan-card-payment-same = 每期還款：{ $amount }
addloan-card-payment-last-differs = 每期還款：{ $amount }（末期 { $last }）
addloan-card-payment-varies = 首期還款 { $first }，末期還款 { $last }
addloan-card-interest = 利息合計：{ $amount }
addloan-card-fees = 手續費合計：{ $amount }
addloan-card-total = 還款總額：{ $amount }
addloan-card-last-due = 最後一期：{ $date }
addloan-card-apr = 真實年化利率（APR）：{ $apr }
addloan-card-assumed-paid = 有 { $count } 期的還款日在今天之前，我會按已還處理。
apr-warning-24 = ⚠️ 年化成本超過 24%，高於監管對持牌機構綜合融資成本的要求，請核對合同。
apr-warning-36 = ⚠️ 年化成本超過 36%，屬於非常昂貴的借款。繼續還款前請核對合同和對方的放貸資質。
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
loans-item-next = 下一期：{ $date } 還 { $amount }，{ $when }（第 { $n }/{ $periods } 期）
loans-item-paid-off = 已結清。🎉

## /next

next-nothing = 目前沒有待還款項。傳送 /addloan 新增借款。
next-header = 下一個還款日：{ $date }，{ $when }
next-item = • { $name }：{ $amount }（第 { $n }/{ $periods } 期）
next-total = 當天合計：{ $total }
next-later-header = 之後：
next-later-item = • { $name }：{ $date } 還 { $amount }，{ $when }

## 終端與 Telegram

console-banner = repaybot —— 終端機本地聊天（未設定 BOT_TOKEN）。輸入 /start 開始，/help 檢視指令；輸入按鈕前的數字即可選擇。Ctrl+D 離開。
private-chat-only = 為了保護你的隱私，我只在私訊中討論借款。請直接私訊我。
