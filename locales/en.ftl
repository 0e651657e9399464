## repaybot — English
## Every text a borrower sees. zh-Hans.ftl has the same keys; zh-Hant.ftl is derived from it.

## Commands (used by /help and Telegram's command menu)

command-start = Welcome and what I can do
command-addloan = Add a loan (step by step, or all in one line)
command-loans = Your loans and what is left to pay
command-next = What is due next, and how much
command-language = Change the language
command-cancel = Stop what you are filling in
command-back = Go one question back in the form you are filling in
back-nothing = There is no earlier question to go back to.
command-help = List of commands

## /start and /help

start-welcome =
    Hi! I am repaybot, your repayment assistant.

    I help you keep track of loans, installment plans (分期), buy-now-pay-later and card bills: what is due and when, the true annual rate you are paying, and what to do if you cannot pay on time.

    Start with /addloan — step by step, or in one line:
    /addloan car loan 10000 12 months 12% apr annuity first 2027-01-15

    Then /next shows what is due next. /help lists everything.

    Privacy: I keep only what you tell me, only to help you; nobody else using this bot can see it. /privacy says what is stored, for how long, and how to take it with you (/export) or have it erased (/forget).
help-header = What I can do:
help-footer = Tip: /addloan also takes everything in one line, e.g. /addloan phone 6000 12 months 0.6% monthly fee first 2027-01-10

## /language

language-choose = Current language: { $language }. Choose a language:
language-set = Done: I will speak { $language } from now on.
error-language-unknown = I don't know the language "{ $choice }".

## /cancel

cancel-done = Cancelled. Nothing was saved.
cancel-nothing = There is nothing to cancel.

## Errors

error-stale-button = That button belongs to an older message and no longer works.
error-message-too-long =
    { $max ->
        [one] That message is too long (more than 1 character). Please send something shorter.
       *[other] That message is too long (more than { $max } characters). Please send something shorter.
    }
error-unknown-command = I don't know the command { $command }. Send /help to see what I can do.
error-not-understood = I didn't understand that. Send /help to see what I can do, or /addloan to add a loan.
error-internal = Sorry, something went wrong on my side. Nothing you entered was lost; please try again in a moment.
error-amount-not-number = Please enter the amount as a number, e.g. 12000, 12,000 or 1.2万.
error-amount-not-positive = The amount must be more than zero.
error-amount-too-large = That amount is too large: at most 100,000,000.
error-amount-too-many-decimals = Amounts have at most two decimal places (cents).
error-amount-dot-three-digits = A dot followed by exactly three digits is ambiguous: 12.000 could mean 12000 (the dot groups thousands in much of Europe) or 12. Please write 12000 or 12,000 for twelve thousand, or 12.00 for twelve.
error-date-not-understood = Please enter the date as year-month-day, e.g. 2027-01-15.
error-date-impossible = That date does not exist in the calendar. Please check the day and month.
error-date-out-of-range = Please enter a date between the years 2000 and 2100.
error-date-order-day-first = Dates with the year last are read day/month/year, and that one has no such month (02/15/2027 would be month 15). Please write year-month-day, e.g. 2027-02-15.
date-order-assumed = I read { $typed } as day/month/year: { $date }.
date-year-assumed = I read { $typed } as { $date }.
error-periods-not-number = Please enter the number of installments as a whole number, e.g. 12.
error-periods-out-of-range = The number of installments must be between 1 and 600.
error-rate-not-number = Please enter the rate as a number, e.g. 12% for 12% a year, or "1% monthly".
error-rate-negative = The rate cannot be negative.
error-rate-total-needs-periods = That is the fee for the whole plan. Please send the monthly fee rate (the total divided by the number of installments), or send the whole line again with the installments, e.g. /addloan 花呗 3000 12期 总费率8.8%.
error-rate-too-high = That rate is 1000% a year or more. Please check it: a monthly rate needs the word "monthly", a daily rate "daily".
error-text-too-long = That answer is too long. Please keep it under 200 characters.
error-name-empty = Please give the loan a name, e.g. "car loan" or the lender's name.
error-name-too-long = Please keep the name under 60 characters.
error-method-not-understood = Please choose one of the buttons, or type annuity, equal principal, interest first or fee.

## Repayment methods and rates

method-annuity = equal installments (annuity)
method-equal-principal = equal principal
method-interest-first = interest first, principal at the end
method-fee = installment plan with a monthly fee
rate-annual = { $rate } a year
rate-monthly = { $rate } a month
rate-daily = { $rate } a day
rate-monthly-fee = { $rate } monthly fee

## Dates

date-with-weekday = { $date } ({ $weekday })
weekday-0 = Sun
weekday-1 = Mon
weekday-2 = Tue
weekday-3 = Wed
weekday-4 = Thu
weekday-5 = Fri
weekday-6 = Sat
days-left =
    { $days ->
        [one] in 1 day
       *[other] in { $days } days
    }
due-today = due today
days-overdue =
    { $days ->
        [one] 1 day overdue
       *[other] { $days } days overdue
    }

## /addloan

addloan-intro = Let's add a loan: a few short questions. Send /cancel at any time to stop.
addloan-ask-name = ({ $step }/{ $steps }) What is this loan called? For example the lender or what you bought: "car loan", "招行分期".
addloan-ask-principal = ({ $step }/{ $steps }) How much did you borrow? For example 10000, 12,000 or 1.2万.
addloan-ask-method = ({ $step }/{ $steps }) How is it repaid? Choose one (your contract or app says which):
addloan-ask-rate = ({ $step }/{ $steps }) What is the interest rate? For example 12% (a year), "1% monthly" or "0.05% daily".
addloan-ask-rate-fee = ({ $step }/{ $steps }) What is the monthly fee rate (月费率)? For example 0.6%.
addloan-ask-periods = ({ $step }/{ $steps }) How many monthly installments? For example 12.
addloan-ask-first-due = ({ $step }/{ $steps }) When is the first payment due? For example { $example }, or the day of the month, such as "the 15th".
addloan-unread = I could not tell what this meant, so I will ask: { $pieces }
list-separator = {", "}
addloan-ask-edit = What would you like to change?
addloan-field-name = Name
addloan-field-principal = Amount
addloan-field-method = Method
addloan-field-rate = Rate
addloan-field-periods = Installments
addloan-field-firstDue = First due date
addloan-use-buttons = Please use the buttons below: Save, Edit or Cancel.
addloan-card-title = Please check your loan:
addloan-card-name = Name: { $name }
addloan-card-principal = Amount borrowed: { $amount }
addloan-card-principal-read = Amount borrowed: { $amount } (read from “{ $text }”)
addloan-card-method = Repayment: { $method }
addloan-card-rate = Rate: { $rate }
addloan-card-rate-total =
    Rate: a total fee of { $total } over { $periods ->
        [one] { $periods } installment
       *[other] { $periods } installments
    } ({ $rate })
addloan-card-total-fee-rounded = Each installment's fee is rounded to the cent, so the fees add up to { $actual }, not the quoted { $expected }: check the plan in your app.
addloan-card-not-understood = Not understood (not used): { $pieces }
addloan-card-periods = Installments: { $periods }
addloan-card-first-due = First due: { $date }
addloan-card-payment-same = Monthly payment: { $amount }
addloan-card-payment-last-differs = Monthly payment: { $amount } (the last one { $last })
addloan-card-payment-varies = First payment { $first }, last payment { $last }
addloan-card-interest = Total interest: { $amount }
addloan-card-fees = Total fees: { $amount }
addloan-card-total = Total to repay: { $amount }
addloan-card-last-due = Last payment due: { $date }
addloan-card-apr = True annual rate (APR): { $apr } (effective { $effective })
addloan-card-assumed-paid =
    { $count ->
        [one] The first installment was due before today; I will count it as already paid.
       *[other] { $count } installments were due before today; I will count them as already paid.
    }
apr-warning-24 = ⚠️ This costs more than 24% a year, above what regulators expect licensed lenders to charge. Check your contract.
apr-warning-36 = ⚠️ This costs more than 36% a year: an unusually expensive loan. Check your contract, and the lender's licence, before you pay more.
button-save = Save
button-edit = Edit
button-cancel = Cancel
addloan-saved = Saved "{ $name }".
addloan-saved-next = Send /next to see what is due next, or /loans for all your loans.

## /loans

loans-empty = You have no loans yet. Send /addloan to add one.
loans-header =
    { $count ->
        [one] Your loan:
       *[other] Your { $count } loans:
    }
loans-item-title = { $index }. { $name }
loans-item-terms =
    { $periods ->
        [one] { $principal } · { $method } · { $rate } · 1 installment
       *[other] { $principal } · { $method } · { $rate } · { $periods } installments
    }
loans-item-remaining = Principal left: { $remaining } · true annual rate { $apr }
loans-item-next = Next: { $amount } on { $date }, { $when } (installment { $n } of { $periods })
loans-item-paid-off = Paid off. 🎉

## /next

next-nothing = Nothing is due: you have no unpaid installments. Send /addloan to add a loan.
next-header = Next due: { $date }, { $when }
next-item = • { $name }: { $amount } (installment { $n } of { $periods })
next-total = Total for that day: { $total }
next-later-header = After that:
next-later-item = • { $name }: { $amount } on { $date }, { $when }

## Transports

console-banner = repaybot — local chat in your terminal (no BOT_TOKEN set). Type /start to begin, /help for commands; pick a button by typing its number. Ctrl+D quits.
private-chat-only = For your privacy I only talk about loans in a private chat. Please message me directly.
rate-limited = You are sending messages faster than I can read them. Please wait a few seconds, then send your message again.
console-file-saved = 📎 Saved: { $path }
console-file-not-saved = ⚠️ Could not save { $filename }: { $reason }
console-pick-button = { $typed } is not one of the buttons: type a number from 1 to { $count } to press one. To send { $typed } to the bot as an amount, type { $amount }.

## More commands

command-schedule = The whole repayment table of a loan
command-paid = Record a payment you made
command-undo = Take back the last payment you recorded
command-payoff = What it takes to pay a loan off today
command-status = What is overdue, the penalty so far, and what happens next
command-editloan = Change a loan's terms
command-deleteloan = Delete a loan
pick-loan = Which loan?

## More repayment methods, fees and rules

method-flat = flat rate (interest on the original amount)
method-bullet = everything at the end (bullet)
method-bnpl = buy now, pay later (one payment)
error-fee-too-large = The fee must be less than the amount borrowed.
error-start-after-first-due = The date you got the money must be before the due date.
error-choose-a-button = Please choose one of the buttons.
error-prepayment-percent-not-understood = Please choose one of the buttons.
error-due-day-not-understood = Please give a day of the month from 1 to 31, e.g. "the 15th" or "15号".
addloan-ask-rate-flat = ({ $step }/{ $steps }) What is the monthly interest on the original amount? For example "1% monthly" (月息1分).
addloan-ask-one-time-fee = ({ $step }/{ $steps }) Is there a fee on top? Enter the amount, or 0 if none.
addloan-ask-start = ({ $step }/{ $steps }) When did you receive the money? For example { $example }.
addloan-ask-due = ({ $step }/{ $steps }) When is it due? For example { $example }.
addloan-ask-upfront-fee = Was a fee taken from the money before you received it (砍头息)? Enter the amount, or 0 if none.
addloan-ask-lender = Who lent the money?
addloan-ask-policy = Which overdue rules are closest to your contract? (Typical rules; your contract decides.)
addloan-field-startDate = Date received
addloan-field-oneTimeFee = Fee
addloan-field-upfrontFee = Up-front fee
addloan-field-lenderKind = Lender
addloan-field-policyPreset = Overdue rules
lender-licensed = Bank or licensed lender
lender-private = A person or company (private loan)
preset-bank-cn = bank loan (CN)
preset-consumer-cn = consumer finance / online loan (CN)
preset-credit-card-cn = credit card (CN)
preset-bnpl-cn = buy now, pay later (CN)
preset-generic-en = generic (UK/US)
addloan-card-payment-single = Payment: { $amount }
addloan-card-upfront = Up-front fee: { $fee } (you received { $received })
addloan-card-one-time-fee = Fee: { $amount }
addloan-card-start = Money received: { $date }
addloan-card-due = Due: { $date }
addloan-card-private = Lender: private loan (民间借贷)
addloan-card-policy = If late: { $policy } rules (typical; check your contract)
apr-private-above-cap = ⚠️ Above { $cap }, four times the one-year LPR ({ $lpr } since { $since }): courts in China do not protect private-loan interest beyond that.
apr-private-within-cap = Within { $cap }, four times the one-year LPR ({ $lpr } since { $since }), the line courts protect for private loans.
editloan-card-title = Please check the new terms:
editloan-error-paid-exceeds = Not saved: the payments you recorded ({ $paid }) come to more than the new schedule ({ $scheduled }). Check the amount, or /undo payments first.
editloan-saved = Updated "{ $name }". Its schedule was rebuilt and your recorded payments were applied to it again.
editloan-renamed-settled = Saved "{ $name }". The loan is settled, so only its name and lender changed: its schedule and payments stay as they were.
editloan-renamed-rescheduled = Saved "{ $name }". Its schedule follows an approved request, so only its name and lender changed.
editloan-error-settled = Not saved: this loan is settled (nothing is owed), so only its name can change. Changing its terms would rebuild the schedule and make paid-off interest owed again. If the terms were wrong, delete the loan and add it again.
editloan-error-settled-on = Not saved: this loan was paid off on { $date }, so only its name can change. Changing its terms would rebuild the schedule and make the interest the payoff saved owed again. If the terms were wrong, delete the loan and add it again.
editloan-error-rescheduled = Not saved: this loan's schedule was changed by an approved request on { $date } (a deferral or a new plan), so only its name can change. Changing its terms would rebuild the schedule and undo that arrangement.

## /schedule

schedule-header = { $name } — repayment schedule (page { $page } of { $pages })
schedule-row = { $mark } { $n }. { $date }  { $payment }  ({ $parts })  left { $balance }
part-principal = principal { $amount }
part-interest = interest { $amount }
part-fee = fee { $amount }
schedule-partly-paid = partly paid: { $open } still due
schedule-penalty-owed = penalty and late fees owed on it: { $amount }
schedule-legend = ✓ paid · ▶ next · ⚠️ overdue
schedule-next = Next: { $amount } on { $date }.
button-previous = « Previous
button-next = Next »

## /paid and /undo

paid-confirm =
    Record a payment to { $name }?
    Amount: { $amount }
    Date: { $date }
    To change them, type another amount or date.
button-confirm = Confirm
paid-nothing-owed = Nothing is owed on { $name }.
error-payment-date-in-future = A payment date cannot be in the future.
paid-error-more-than-owed = That is more than everything still owed on this loan ({ $owed }).
paid-recorded = Recorded { $amount } for { $name }.
paid-next = Next: { $amount } on { $date }.
paid-still-open = Still owed on this loan: { $amount }.
paid-usage = /paid [loan] [amount] [date]: the loan by its number in /loans or its name (needed only when you have more than one), then the amount and the date in either order, e.g. /paid 2 500 yesterday or /paid car 1,200.00 2026-11-20. A number with ¥, 元, a decimal point, 万 or k is always an amount.
pick-loan-no-such =
    { $count ->
        [one] There is no loan { $number }: you have one loan.
       *[other] There is no loan { $number }: you have { $count } loans.
    }
paid-no-such-loan-hint = If { $number } was the amount, pick the loan below and type { $amount } on its card.
paid-loan-or-amount = Is { $number } the loan or the amount?
paid-button-loan = Loan { $number }: { $name }
paid-button-amount = Amount { $amount }
paid-error-before-start = { $date } is before this loan began ({ $start }), so a payment to it cannot be dated then.
button-undo = Undo
undo-nothing = There is no payment to undo.
undo-confirm = Take back the payment of { $amount } to { $name } on { $date }?
button-undo-payment = Yes, take it back
button-keep = Keep it
undo-kept = Nothing changed.
undo-done = Taken back: { $amount } for { $name }. Those installments are open again.

## /payoff

payoff-header = To pay off { $name } today ({ $date }): { $amount }
payoff-overdue = • overdue installments: { $amount }
payoff-due-today = • due today: { $amount }
payoff-principal = • principal not yet due: { $amount }
payoff-interest = • interest since the last due date: { $amount }
payoff-penalty = • penalty and late fees charged so far and still owed (estimated with typical rules unless you entered the lender's figure): { $amount }
payoff-fees = • fees for paying early: { $amount }
payoff-saved = Keeping to the schedule would cost { $scheduled } from here; paying off today saves { $saved }.
payoff-saved-with-penalty = Keeping to the schedule would cost { $scheduled } from here, the penalty owed included; paying off today saves { $saved }.
button-payoff-paid = I paid this today
payoff-settled = Recorded: { $name } paid off with { $amount }. No more reminders for it. 🎉
payoff-quote-changed = The payoff figure has changed since that message (interest runs daily). Here it is again:
undo-payoff = Your last payment paid off { $name } and closed its schedule, so it cannot be undone here. If the lender's figure was different, correct the loan with /editloan.
payoff-check = Ask your lender for the exact figure before you pay: contracts differ on early repayment.

## /status

status-header = What is overdue:
status-clear = Nothing is overdue, and nothing is due.
status-clear-next = Nothing is overdue. Next due: { $amount } on { $date }, { $when }.
status-loan = { $name }: { $amount } overdue, penalty so far { $penalty }
status-installment =
    { $days ->
        [one] • installment { $n } due { $date }: { $amount }, 1 day late, penalty { $penalty } — { $stage }
       *[other] • installment { $n } due { $date }: { $amount }, { $days } days late, penalty { $penalty } — { $stage }
    }
status-in-grace = You are still within the grace period: paying now usually counts as on time.
status-next-stage = Next: { $stage } from { $date }.
status-help = If you cannot pay: tell your lender early and ask about more time (展期/延期) or a penalty waiver (罚息减免). Nobody can pay to erase accurate credit records: "征信修复" offers are scams.
status-check-contract = These are typical rules: your contract decides.
stage-upcoming = not due yet
stage-due-today = due today
stage-grace = in the grace period
stage-overdue = overdue
stage-reported = likely reported to the credit bureau (征信)
stage-collection = likely in collection
stage-legal = risk of legal action

## /deleteloan

deleteloan-confirm = Delete { $name } with its { $periods }-installment schedule and recorded payments? This cannot be undone.
button-delete = Delete
deleteloan-kept = Kept. Nothing was deleted.
deleteloan-done = Deleted { $name }.

## /cardbill

command-cardbill = What paying only a credit card's minimum costs
cardbill-usage =
    Send your card statement in one line: the balance, the statement date and the due date; optionally the minimum payment and the daily rate. For example:
    /cardbill 10000 2026-12-05 2027-01-01 min 1000
error-card-bill-dates-order = The statement date must come before the due date.
error-card-bill-minimum-too-large = The minimum payment cannot be more than the balance.
error-card-bill-incomplete = I need the statement balance, the statement date and the due date.
cardbill-dates-reversed = The due date ({ $due }) comes before the statement date ({ $statement }). Write the statement date first, then the due date; I do not swap them, in case one of them is a typo.
cardbill-header = Statement balance { $balance }, due { $due }.
cardbill-pay-full = Pay it all by the due date: no interest.
cardbill-pay-minimum = Pay only the minimum, { $minimum }: you lose the interest-free period, and interest at { $rate } a day is charged on the whole statement balance from the statement date (全额计息), not just on the { $carried } left. That is about { $interest } by the next statement, which will then show { $next } before any new spending.
cardbill-below-minimum = Paying less than the minimum also brings a late fee (违约金) and may be reported to the credit bureau.

## Reminders

reminder-title = ⏰ Repayment reminder
reminder-upcoming =
    { $days ->
        [one] • { $name }: { $amount } due tomorrow, { $date } (installment { $n } of { $periods })
       *[other] • { $name }: { $amount } due { $date }, in { $days } days (installment { $n } of { $periods })
    }
reminder-due-today = • { $name }: { $amount } due TODAY, { $date } (installment { $n } of { $periods })
reminder-overdue =
    { $days ->
        [one] • { $name }: { $amount } was due { $date }, yesterday. Penalty so far { $penalty }: { $stage }.
       *[other] • { $name }: { $amount } was due { $date }, { $days } days ago. Penalty so far { $penalty }: { $stage }.
    }
reminder-penalty-only = • { $name }: installment { $n } (due { $date }) is paid, but { $penalty } of penalty and late fees on it is still owed: { $stage }.
reminder-day-total = Total due { $date }: { $total }
# A deadline in the lender's time zone, when the borrower's is another: the lender's time, then the borrower's.
reminder-deadline = { $date }, { $lenderTime } { $lenderZone } ({ $localTime } { $localZone })
reminder-deadline-other-day = { $date }, { $lenderTime } { $lenderZone } ({ $localDate }, { $localTime } { $localZone })
zone-asia-shanghai = Beijing time
zone-asia-hong-kong = Hong Kong time
zone-asia-macau = Macau time
zone-asia-taipei = Taipei time
zone-asia-singapore = Singapore time
zone-asia-kuala-lumpur = Kuala Lumpur time
zone-asia-tokyo = Tokyo time
zone-asia-seoul = Seoul time
zone-europe-london = London time
zone-europe-paris = Paris time
zone-europe-berlin = Berlin time
zone-america-new-york = New York time
zone-america-chicago = Chicago time
zone-america-los-angeles = Los Angeles time
zone-america-toronto = Toronto time
zone-america-vancouver = Vancouver time
zone-australia-sydney = Sydney time
zone-australia-melbourne = Melbourne time
reminder-overdue-help = Can't pay now? Send /status for what happens next and when, and talk to your lender early about more time or a penalty waiver.
button-paid = ✅ Paid
button-paid-loan = ✅ Paid { $name }
button-snooze-today = Later today
button-snooze-tomorrow = Tomorrow
button-schedule = Schedule
button-schedule-loan = Schedule { $name }
command-remind = Reminder buttons
snooze-done = OK, I will remind you again on { $date } at { $time }.

## /settings

command-settings = Reminders: time zone, time of day, which days, quiet hours, pause
settings-title = ⚙️ Your reminders
settings-timezone = Time zone: { $zone }
settings-time = Time of day: { $time }
settings-before = Days before the due date: { $days } (0 = on the day)
settings-overdue =
    If overdue: after { $days ->
        [one] 1 day
       *[other] { $days } days
    }{ $weekly ->
        [yes] , then weekly
       *[no] {""}
    }, { $stop ->
        [0] until paid
        [one] for up to 1 day
       *[other] for up to { $stop } days
    }
settings-quiet = Quiet hours (nothing is sent): { $start }–{ $end }
settings-paused = 🔕 All reminders are paused.
settings-active = 🔔 Reminders are on.
settings-paused-loans = Paused for: { $names }
settings-button-timezone = Time zone
settings-button-time = Time of day
settings-button-before = Days before
settings-button-overdue = When overdue
settings-button-quiet = Quiet hours
settings-button-pause = Pause all
settings-button-resume = Resume
settings-button-loans = Pause one loan
settings-button-no-stop = Keep reminding until paid
settings-button-stop-90 = Stop after 90 days
settings-ask-timeZone = Which time zone are you in? Choose, or type its name (e.g. Europe/Paris).
settings-ask-reminderTime = At what time of day should reminders come? Choose, or type a time such as 08:30 or 7pm.
settings-ask-daysBefore = How many days before the due date? Type them separated by commas, e.g. 5, 2, 0 (0 = on the day; at most 30).
settings-ask-overdueDays = If a payment is late, after how many days should I remind you? E.g. 1, 3, 7 (1 to 30); weekly reminders follow.
settings-ask-quietHours = When should I never send anything? Type a window such as 22:00-07:30.
settings-ask-loans = Tap a loan to pause or resume its reminders:
error-timezone-unknown = I don't know that time zone. Name a city (Beijing, Hong Kong, London), an offset such as UTC+8, or a zone such as Asia/Shanghai.
error-timezone-ambiguous = That name covers more than one time zone (CST is China, US Central and Cuba time). Please name a city, such as Beijing, Chicago or Sydney, or an offset such as UTC+8.
error-timezone-offset-not-whole-hours = Offsets must be whole hours, such as UTC+8. For a zone such as UTC+5:30, please give its name, e.g. Asia/Kolkata.
error-timezone-conflict = That city and that UTC offset don't match. Please send just the city, such as Beijing or London.
error-time-not-understood = That is not a time of day. Use 24-hour time such as 09:00 or 21:30, or 9am.
error-days-not-understood = Please give whole days from 0 to 30 before the due date, or 1 to 30 after it, separated by commas.
error-quiet-hours-not-understood = Quiet hours need a start and an end that differ, such as 21:00-08:00.
settings-error-time-in-quiet = That time is inside your quiet hours ({ $start }–{ $end }), so reminders would always wait until the next morning. Choose a time outside them, or change the quiet hours first.
settings-saved = Saved. Your reminders follow the new settings.

## One form at a time

form-in-the-way = You are in the middle of { $form }. Finish it first, or send /cancel to drop it.
form-name-addloan = adding a loan
form-name-paid = recording a payment
form-name-settings = changing your settings
form-name-editing = editing { $name }
form-resume = Back to { $form }:

## Early repayment of fee plans

addloan-field-prepaymentRule = Paying off early
addloan-ask-prepayment = If you pay this plan off early, what happens to the fees not yet due? Choose, or type a percentage of the remaining principal the lender charges (e.g. 3%).
prepayment-waive-remaining-fees = remaining fees waived
prepayment-charge-remaining-fees = remaining fees still charged
addloan-card-prepayment = If paid off early: { $rule }
addloan-card-prepayment-percent = If paid off early: a fee of { $percent } of the remaining principal

## Overdue rules in detail

addloan-field-policyOverrides = Overdue details
addloan-ask-policy-overrides = What does your contract say? Type only what differs, e.g. "grace 5, 0.05%/day, report 30, late fee 50" or "x1.3" for a bank-style penalty of 1.3 × the contract rate.
addloan-card-policy-details =
    grace { $grace ->
        [one] 1 day
       *[other] { $grace } days
    } · penalty { $penalty } · likely reported after { $report ->
        [one] 1 day
       *[other] { $report } days
    }{ $lateFee ->
        [none] {""}
       *[other] {" · "}late fee { $lateFee }
    }
policy-penalty-multiplier = { $multiplier } × the contract rate
policy-penalty-daily = { $rate } a day
error-policy-not-understood = I could not read that. Write for example: grace 5, 0.05%/day, report 30, late fee 50.
error-policy-not-allowed = Those rules do not fit together: grace 0–30 days, reporting after the grace period, a multiplier of 1–2 or a daily rate of 0–1%.
policy-late-fee-percent = { $percent } of the unpaid amount (at least { $floor })
addloan-field-dayBasis = Day count
addloan-ask-day-basis = How many days does your contract count in a year for daily interest? (Banks usually use 360.)
day-basis-360 = 360 days
day-basis-365 = 365 days
addloan-card-day-basis-365 = Daily interest on a 365-day year

## The card's payment order (Civil Code Art. 561 unless the contract says otherwise) and the lender's time zone
addloan-field-allocationOrder = Payment order
addloan-field-lenderTimeZone = Lender's time zone
allocation-part-late-fee = late fee
allocation-part-penalty = penalty interest
allocation-part-fee = fees
allocation-part-interest = interest
allocation-part-principal = principal
allocation-preset-civil-code = Civil Code order (the default)
allocation-preset-principal-first = Principal first
addloan-card-allocation-civil-code = Payments cover: { $order } (Civil Code Art. 561, the default unless your contract says otherwise)
addloan-card-allocation-principal-first = Payments cover: { $order } (principal first, as your contract says)
addloan-card-allocation-custom = Payments cover: { $order } (as your contract says)
addloan-ask-allocation =
    In which order does a payment cover what you owe? Now: { $current }.
    Unless your contract says otherwise, the law (Civil Code Art. 561) takes the late fee first, then penalty interest, fees, interest and principal. Choose, or type your contract's order naming all five parts, e.g. "principal, interest, fees, penalty, late fee".
error-allocation-part-unknown = “{ $text }” is not one of the parts a payment covers. Name these five, each once, in your contract's order: { $order }.
error-allocation-part-twice =
    { $part ->
        [late-fee] You named the { $parts } twice (违约金 and 滞纳金 are both the late fee here). Name each of the five parts once.
       *[other] You named { $parts } twice. Name each of the five parts once.
    }
error-allocation-parts-missing =
    { $count ->
        [one] This part is missing: { $parts }.
       *[other] These { $count } parts are missing: { $parts }.
    } Name all five parts, each once.
addloan-card-lender-zone = Lender's time zone: { $zone } (due dates are its dates)
addloan-card-lender-zone-differs = Lender's time zone: { $zone } (due dates are its dates; yours is { $yours }, so reminders give both clocks)
addloan-ask-lender-zone = Which time zone is the lender in? Due dates are the lender's dates. Now: { $current } (yours: { $yours }). Type a city or an offset, e.g. Beijing, Hong Kong, London or UTC+8.

## /penalty: the lender's own penalty figure, or its waiver
command-penalty = Record the penalty the lender charged, or that it waived it
penalty-pick-installment = Which late installment of { $name } is it about?
button-installment = Installment { $n } (due { $date })
penalty-ask = { $name }, installment { $n } (due { $date }): repaybot estimates { $estimate } of penalty and late fees so far. What did the lender charge? Type its figure (for example 12.30), or press "The lender waived it".
button-penalty-waived = The lender waived it
penalty-none-past-due = Nothing of { $name } is overdue or charged a penalty, so there is no penalty to record.
penalty-recorded = Recorded: the lender charged { $amount } on installment { $n } of { $name }. That figure now replaces the estimate. Still owed on this loan: { $owed }.
penalty-waived = Recorded: the lender waived the penalty on installment { $n } of { $name }. Still owed on this loan: { $owed }.
penalty-error-more-than-loan = { $amount } is more than the whole loan ({ $principal }). Please check the figure; nothing was recorded.
penalty-error-less-than-paid = You already paid { $paid } towards this installment's penalty, so the lender's figure cannot be less. Nothing was recorded.
penalty-error-nothing-to-waive = Nothing is charged on that installment now, so there is nothing to waive. Nothing was recorded.
penalty-error-not-past-due = That installment is not past its due date, so it has no penalty. Nothing was recorded.

## /overdue: what happens when a payment is missed, as a timeline (issue 10)
command-overdue = What happens if a payment is missed: the timeline, with your own dates
overdue-typical-header = What usually happens when a payment is missed (typical rules: your contract decides):
overdue-typical-due = • Due day: paid by the end of the day, it is on time.
overdue-typical-grace = • Grace period: many banks allow about 3 days after the due date, within which a payment usually counts as on time and is not reported. Many online lenders give none.
overdue-typical-penalty = • Penalty interest: once grace has ended, it counts from the day after the due date. Banks: the contract rate plus 30–50%; consumer and online lenders: often 0.05% a day on the whole overdue amount; credit cards also charge a one-off late fee (违约金).
overdue-typical-reported = • Credit report: usually reported to the credit bureau (征信) once grace has ended (in the US at 30 days past due). A late record stays 5 years after it is cleared (US: 7 years).
overdue-typical-collection = • Collection: after about a month, calls and messages. Collectors may not threaten or insult you, call between 22:00 and 08:00 without your consent, or contact unrelated people.
overdue-typical-legal = • Legal risk: after a few months the lender may sue. A debt is a civil matter: prison is for fraud or defying a court order, not for being unable to pay.
overdue-typical-next = Add your loans with /addloan and /overdue shows your own dates and amounts. If you cannot pay, tell your lender before the due date and ask about more time or a penalty waiver.
overdue-header = Your timeline if a payment is missed:
overdue-installment = { $name }, installment { $n } of { $periods }, due { $date }: { $amount }
overdue-line-due = • { $date }: due day
overdue-line-grace = • { $from } to { $to }: grace period, paying then usually counts as on time
overdue-line-stage = • from { $date }: { $stages }
overdue-line-stage-penalty = • from { $date }: { $stages } (penalty by then about { $penalty })
overdue-stage-penalty = penalty interest, counted from the day after the due date
overdue-stage-separator = {"; "}
overdue-today-late =
    { $days ->
        [one] Today: 1 day late, { $owed } owed with penalty so far { $penalty }, { $stage }.
       *[other] Today: { $days } days late, { $owed } owed with penalty so far { $penalty }, { $stage }.
    }
overdue-today-ahead = Today: { $when }. Paid by the due date, none of this happens.
overdue-also =
    { $count ->
        [one] Also overdue on this loan: 1 more installment, { $amount }.
       *[other] Also overdue on this loan: { $count } more installments, { $amount }.
    }
overdue-more-loans = … and { $count } more loans: /status lists everything overdue.
overdue-footer = /status: what is overdue now · /payoff: paying a loan off · /penalty: the lender's own penalty figure

## Your own figures under a free-text answer (issue 10, point 4)
figures-header = Your figures:
figures-about = Your figures for { $name }:
figures-about-urgent = Your figures for { $name }, your most urgent loan (name a loan in your question for its figures):
button-figures-for = Figures for { $name }
figures-installment-ahead = Installment { $n } of { $name }, due { $date }: { $amount }, { $when }.
figures-installment-late =
    { $days ->
        [one] Installment { $n } of { $name }, due { $date }: { $amount }, 1 day late, penalty so far { $penalty }, { $stage }.
       *[other] Installment { $n } of { $name }, due { $date }: { $amount }, { $days } days late, penalty so far { $penalty }, { $stage }.
    }
figures-penalty-if-late =
    { $days ->
        [one] Paid 1 day late it would cost { $penalty } in penalty with these rules; 30 days late, { $laterPenalty }.
       *[other] Paid { $days } days late it would cost { $penalty } in penalty with these rules; 30 days late, { $laterPenalty }.
    }
figures-penalty-per-day = Each further day adds about { $amount } of penalty interest.
figures-grace =
    { $days ->
        [one] With these rules it has 1 day of grace, until { $to }: paying by then usually counts as on time.
       *[other] With these rules it has { $days } days of grace, until { $to }: paying by then usually counts as on time.
    }
figures-in-grace = You are in its grace period now: paying by { $to } usually counts as on time.
figures-no-grace = With these rules it has no grace period: from { $date } it counts as overdue.
figures-reported-from = Likely reported to the credit bureau (征信) from { $date } if still unpaid.
figures-reported-since = Likely reported to the credit bureau (征信) since { $date }: paying now keeps it from getting worse.
figures-see-overdue = Your whole timeline: /overdue
figures-payoff = Paying { $name } off today: { $total }; keeping the schedule costs { $scheduled }, so you would save { $saved } (before any early-repayment fee your contract sets).
figures-apr = { $name }: true annual rate (APR) { $apr }
figures-overdue-total =
    { $count ->
        [one] Overdue now: { $amount }, penalty so far { $penalty } (1 loan).
       *[other] Overdue now: { $amount }, penalty so far { $penalty } ({ $count } loans).
    }
figures-next-due = Next due: { $amount } on { $date }, { $when }.
figures-partial = Installment { $n } of { $name } (due { $date }) owes { $owed } now. Record a part payment with /paid and /status shows what stays open.
figures-typical-rules = These are typical rules for this loan: your contract decides.

## Free-text questions (issue 10)
command-faq = Answers to questions about repaying
faq-empty = Ask me about repaying in your own words, e.g. "what happens if I pay late?", or send /help for the commands.
faq-unsure = I'm not sure what you mean. The closest topics I can answer:
faq-out-of-scope = I can't help with that. I keep track of your loans and due dates (/addloan, /next, /status) and answer questions about repaying: penalties, grace periods, credit reports, collection, paying early, what to do if you cannot pay. Send /help for the commands.
faq-loan-offer = That reads like a loan, so here it is as a new one:
faq-other-language = Sorry, I only speak English and Chinese (中文). Ask me about repaying in one of them, or send /help for the commands.

## Hardship requests (/hardship, /requests) and their review by operators (/queue) — issue 11

command-hardship = Ask your lender for help: a deferral, a new plan, a penalty waiver
command-requests = Your hardship requests and their status
command-review = Decisions on hardship requests
command-note = The note for the decision you are making: /note your text
command-queue = Hardship requests waiting for a decision, oldest first
form-name-hardship = a hardship request
button-continue = Continue
button-skip = Skip

hardship-intro = Let's put together a request for help. I'll ask a few questions (each budget question can be skipped); at the end you see everything before anything is sent. /back goes one question back, /cancel stops.
hardship-no-loans = You have no loan with anything left to pay. Add one with /addloan first.
hardship-back-hint = (/back: previous question · /cancel: stop)
hardship-ask-loans = Which loans is this about? Tap to choose one or more, then Continue.
hardship-ask-kind =
    What would help most?
    • Deferral (延期): move your payments { $maxMonths ->
        [one] by 1 month
       *[other] by up to { $maxMonths } months
    }
    • New plan (协商分期): a lower monthly payment over a longer time
    • Penalty waiver (罚息减免): cancel all or part of the penalty so far
    • Pause of collection contact while the lender reviews your situation
hardship-kind-deferral = Deferral
hardship-kind-new-plan = New repayment plan
hardship-kind-waiver = Penalty waiver
hardship-kind-collection-pause = Pause collection contact
hardship-ask-reason = Why can't you pay as planned?
hardship-reason-job-loss = Lost my job
hardship-reason-illness = Illness or injury
hardship-reason-income-drop = My income dropped
hardship-reason-family-emergency = Family emergency
hardship-reason-disaster = Disaster (fire, flood …)
hardship-reason-dispute = A dispute or an error with the lender
hardship-reason-other = Something else
hardship-ask-reason-text = In your own words, what happened and since when? A few sentences help the lender understand. (Or Skip.)
hardship-error-reason-too-long = That is longer than { $max ->
    [one] 1 character
   *[other] { $max } characters
}; please shorten it.
hardship-ask-income = Your monthly income after tax: one figure, or by item — e.g. "salary 6000, benefits 500". (Or Skip.)
hardship-ask-fixed = Your fixed monthly costs: rent or mortgage, other secured loans, utilities, care and health, transport, school, insurance — one figure or e.g. "rent 2500, electricity 150, transport 300". (Or Skip.)
hardship-ask-flexible = Your flexible monthly costs: food and housekeeping, phone and leisure, personal costs — one figure or e.g. "food 1500, phone 100". (Or Skip.)
hardship-group-income = income
hardship-group-fixed = fixed costs
hardship-group-flexible = flexible costs
hardship-ask-months = By how many months should the payments move? (at most { $maxMonths })
hardship-button-months = { $months ->
    [one] 1 month
   *[other] { $months } months
}
hardship-ask-monthly = What can you pay each month for these loans, in total? Type the amount.
hardship-suggested-monthly = Your budget leaves about { $amount } a month for them.
hardship-button-suggested = { $amount } (from your budget)
hardship-no-disposable = Your budget leaves nothing a month after your costs: say what you could still pay, even a small amount — the lender decides.
hardship-ask-percent = Penalty so far on these loans: { $penalty }. Which share do you ask to be waived? Tap, or type a percentage (e.g. 80%).
hardship-no-penalty = There is no penalty on these loans yet, so there is nothing to waive. Choose another kind of help.
hardship-ask-evidence = What can you show the lender? Tap everything you can provide, then Continue.
hardship-evidence-termination-letter = Termination letter
hardship-evidence-unemployment-registration = Unemployment registration
hardship-evidence-bank-statements = Bank statements
hardship-evidence-hospital-record = Hospital or doctor's record
hardship-evidence-medical-bills = Medical bills
hardship-evidence-sick-leave-note = Sick-leave note
hardship-evidence-payslips = Payslips
hardship-evidence-employer-letter = Letter from the employer
hardship-evidence-family-document = Document of the family emergency
hardship-evidence-bills = The bills it caused
hardship-evidence-disaster-certificate = Certificate of the disaster
hardship-evidence-damage-photos = Photos of the damage
hardship-evidence-insurance-claim = Insurance claim
hardship-evidence-contract = The contract
hardship-evidence-payment-receipts = Payment receipts
hardship-evidence-correspondence = Letters or messages with the lender
hardship-evidence-other-document = Another document
hardship-evidence-none = nothing yet
hardship-use-buttons = Please use the buttons for this question.
hardship-nothing-to-propose = Nothing can be proposed for these loans with that choice (nothing left to move or re-spread). Choose another kind of help.

hardship-proposal-deferral = { $months ->
    [one] a deferral of 1 month
   *[other] a deferral of { $months } months
}
hardship-proposal-new-plan = a new plan of { $amount } a month over { $months ->
    [one] 1 month
   *[other] { $months } months
}
hardship-proposal-waiver = a waiver of { $percent } of the penalty
hardship-proposal-pause = a pause of collection contact for { $days ->
    [one] 1 day
   *[other] { $days } days
}
hardship-loan-current = { $name }: owed { $owed }, not overdue (next installment { $next })
hardship-loan-overdue = { $name }: owed { $owed }; overdue { $arrears } for { $days ->
    [one] 1 day
   *[other] { $days } days
}, penalty so far { $penalty }
hardship-error-never-repays = { $amount } a month would never repay these loans: the interest alone is { $interest } a month. Type more than that, or go /back and choose a deferral or a penalty waiver.
hardship-error-too-long = { $amount } a month is not enough to repay within { $months ->
    [one] 1 month
   *[other] { $months } months
}: that takes { $needed } a month. Type at least that, or go /back and choose a deferral or a penalty waiver.
hardship-budget-not-given = not given
hardship-budget-incomplete = Left after costs: not known (a group was skipped)
hardship-budget-skipped = Budget: not given.
hardship-budget-line = Monthly budget: income { $income }, fixed costs { $fixed }, flexible costs { $flexible }
hardship-budget-disposable = Left after costs: { $amount } a month
hardship-budget-shortfall = Short after costs: { $amount } a month
hardship-plan-line = { $name }: { $amount } re-spread over { $months ->
    [one] 1 month
   *[other] { $months } months
} of { $payment } (first { $first }; interest { $interest })
hardship-plan-problem-never-repays = That payment does not even cover the monthly interest: the debt would never be repaid. A lender will not accept it; consider a waiver of interest or a deferral instead.
hardship-plan-problem-too-long = Even over 60 months the payment would be higher than that; the plan shown is the 60-month one.
hardship-plan-problem-exceeds-target = The plan's payment is above what you said you can pay.
hardship-plan-above-disposable = { $payment } a month is more than your budget leaves ({ $disposable }): a lender will ask how you would pay it.
hardship-deferral-line = { $name }: { $count ->
    [one] 1 installment moves
   *[other] { $count } installments move
}, the first from { $from } to { $to }
hardship-waiver-line = Installment { $n }: penalty { $penalty }
hardship-summary-title = Your request: { $request }
hardship-summary-reason = Reason: { $reason }
hardship-summary-reason-text = Reason: { $reason } — “{ $text }”
hardship-summary-evidence = Evidence you can provide: { $evidence }
hardship-button-submit = ✅ Submit and share
hardship-button-english = Letter in English
hardship-consent = Pressing Submit sends this request, your budget and these loans' figures to the people who run this bot, to review it. Nothing is decided automatically and nothing is promised: the lender decides.
hardship-consent-no-operator = Nobody reviews requests on this bot yet: pressing Submit saves it and gives you the letter to send your lender yourself.
hardship-cancelled = Request dropped. Nothing was sent.
hardship-already-open = Request #{ $id } for one of these loans is still waiting for a decision. See /requests (you can withdraw it there).
hardship-submitted = Request #{ $id } submitted and sent for review. You'll hear here when it is decided; /requests shows its status.
hardship-submitted-no-operator = Request #{ $id } saved. Send the letter below to your lender; /requests shows it.
hardship-letter-intro = A letter you can send your lender (also attached as a file):
hardship-letter-file-caption = Request #{ $id }: the letter to your lender
hardship-letter-date = Date: { $date }
hardship-letter-subject = Subject: request for { $request } — { $loans }
hardship-letter-greeting = Dear Sir or Madam,
hardship-letter-opening = I am writing because I cannot keep up my payments as agreed. The reason: { $reason }.
hardship-letter-own-words = In my own words: { $text }
hardship-letter-ask = I would like to ask for { $request }.
hardship-letter-evidence = I can provide: { $evidence }.
hardship-letter-closing = I want to repay what I owe and would be grateful for your consideration. Please reply in writing, and please do not report me as in default while this request is being considered.
hardship-letter-signature = Yours faithfully,

hardship-status-open = waiting for a decision
hardship-status-info-requested = the operator asked you something
hardship-status-approved = approved
hardship-status-rejected = not approved
hardship-status-withdrawn = withdrawn
hardship-decided-approved = ✅ Your request #{ $id } ({ $request }) was approved.
hardship-decided-rejected = Your request #{ $id } ({ $request }) was not approved. You can still talk to your lender directly, or ask for another kind of help with /hardship.
hardship-decided-info-requested = About your request #{ $id } ({ $request }), the operator asks:
hardship-decided-open = Your request #{ $id } is waiting for a decision.
hardship-decided-withdrawn = Your request #{ $id } was withdrawn.
hardship-decided-note = “{ $note }”
hardship-decided-waived = { $name }: { $amount } of penalty waived.
hardship-decided-schedule = Your new schedule for { $name }:
hardship-decided-installment = { $n }. { $date } — { $amount }
hardship-decided-more = …and { $count } more (/schedule)
hardship-decided-pause-until = Overdue reminders pause until { $date }.

requests-title = Your requests:
requests-empty = You have no requests. /hardship starts one.
requests-item = #{ $id } { $request } — { $status } (submitted { $date })
requests-question = The operator asks: “{ $text }”
requests-button-answer = Answer #{ $id }
requests-button-withdraw = Withdraw #{ $id }
requests-ask-answer = Type your answer for request #{ $id } (one message; /cancel to stop).
requests-answer-too-long = That is longer than { $max ->
    [one] 1 character
   *[other] { $max } characters
}; please shorten it.
requests-answer-sent = Thank you: your answer is attached to request #{ $id } and sent to the operator.
requests-not-asked = Request #{ $id } is not waiting for an answer from you.
requests-withdrawn = Request #{ $id } withdrawn. Reminders continue as before.
requests-not-undecided = Request #{ $id } can no longer be withdrawn: it is { $status }.

review-title = 📋 Hardship request #{ $id }: { $request } ({ $status })
review-borrower = Borrower: user { $user }, using this bot since { $since } ({ $days ->
    [one] 1 day
   *[other] { $days } days
})
review-waited = Submitted { $date }, waiting { $days ->
    [one] 1 day
   *[other] { $days } days
}
review-past-sla = past the { $days }-day target
review-plan = Proposed plan for { $name }: { $amount } over { $months ->
    [one] 1 month
   *[other] { $months } months
} of { $payment }, first { $first }
review-deferral = Deferral of { $name } from installment { $n }: due { $from } → { $to }, and every later one by as much
review-waiver = Waiver on { $name }, installment { $n }: penalty { $penalty }, { $days ->
    [one] 1 day
   *[other] { $days } days
} overdue, { $history } — suggested { $suggested } (a suggestion only)
review-evidence = Evidence the borrower can provide: { $evidence }
review-first-overdue = first overdue
review-repeated-overdue = overdue before
review-note-operator = Operator asked: “{ $text }”
review-note-borrower = Borrower answered: “{ $text }”
review-button-approve = ✅ Approve
review-button-reject = ❌ Reject
review-button-ask = ❓ Ask for more
review-button-no-note = No note
review-ask-note-approve = Approving request #{ $id }. Type a note for the borrower (in a group: /note your text), or press No note.
review-ask-note-reject = Rejecting request #{ $id }. Type the reason for the borrower (in a group: /note your text), or press No note.
review-ask-note-ask = What should the borrower tell you about request #{ $id }? Type the question (in a group: /note your question).
review-no-note-expected = There is no decision waiting for a note. Use the buttons under a request first.
review-note-too-long = That is longer than { $max ->
    [one] 1 character
   *[other] { $max } characters
}; please shorten it.
review-cancelled = No decision made.
review-done-approve = Request #{ $id } approved and applied; the borrower was told.
review-done-reject = Request #{ $id } rejected; the borrower was told.
review-done-ask = Question sent to the borrower of request #{ $id }.
review-already-decided = Request #{ $id } was already decided: { $status } by operator { $operator } on { $date }. Nothing changed.
review-withdrawn = Request #{ $id } was withdrawn by the borrower. Nothing changed.
review-no-such-request = There is no request #{ $id }.
review-team-approve = Request #{ $id } approved by operator { $operator }: { $note }
review-team-reject = Request #{ $id } rejected by operator { $operator }: { $note }
review-team-ask = Operator { $operator } asked the borrower of request #{ $id }: { $note }
review-borrower-answered = The borrower answered on request #{ $id }:
review-borrower-withdrew = The borrower withdrew request #{ $id }.
queue-empty = No requests are waiting.
queue-title = { $count ->
    [one] 1 request waiting
   *[other] { $count } requests waiting
}, oldest first (target: decided within { $days ->
    [one] 1 day
   *[other] { $days } days
}):
queue-button-open = Open #{ $id }
queue-promises-title = Promises to pay:
queue-promise = • user { $user }, { $name }: { $amount } by { $date } — { $status }

error-budget-not-understood = I couldn't read that. Type one figure for the whole group (8000), or items with amounts, e.g. rent 3000, electricity 200.
error-budget-item-unknown = I don't know “{ $word }” as an item here. Try another word, or give this group as one figure.
error-budget-item-other-group = “{ $word }” goes under { $group }, which has its own question; leave it out here.
error-budget-item-without-amount = How much a month for “{ $word }”? Write the amount next to it, e.g. { $word } 300.
error-budget-amount-without-item = What is { $amount } for? Put a word next to it saying what it is.
error-budget-total-below-items = The total { $total } is less than the items you listed ({ $items }). Correct the total or leave it out.
error-percent-not-understood = Please give a percentage from 1 to 100, e.g. 80 or 80%.

## promise to pay
command-promise = Promise to pay on a day: overdue reminders wait until then
form-name-promise = making a promise to pay
promise-nothing-due = Nothing on your loans is overdue or due today, so there is nothing to promise. /next shows what is due next.
promise-nothing-due-loan = Nothing on { $name } is overdue or due today: a promise is for money that is due.
promise-pick-loan = Which loan will you pay?
promise-ask-date =
    { $days ->
        [one] On which day will you pay { $name } ({ $owed } owed now)? Today, { $today }, or tomorrow, { $lastDay } at the latest. Type the day, e.g. { $example }, 25th or tomorrow.
       *[other] On which day will you pay { $name } ({ $owed } owed now)? Any day from today, { $today }, up to { $days } days ahead: { $lastDay } at the latest. Type the day, e.g. { $example }, 25th or tomorrow.
    }
promise-card =
    Promise to pay towards { $name }:
    Amount: { $amount } ({ $owed } owed now)
    Day: { $date }
    Until that day the overdue reminders of { $name } wait, and on the day I remind you. To change the amount or the day, type another.
promise-error-date-in-past = { $date } has passed: the day must be today, { $today }, or later.
promise-error-date-too-far =
    { $days ->
        [one] { $date } is too far ahead: a promise can be at most 1 day ahead, { $lastDay } at the latest.
       *[other] { $date } is too far ahead: a promise can be at most { $days } days ahead, { $lastDay } at the latest.
    }
promise-error-more-than-owed = That is more than { $name } owes: { $owed } in all.
promise-recorded = Promise recorded: { $amount } towards { $name } on { $date }. The overdue reminders of { $name } wait until then.
promise-replaced = It replaces your earlier promise of { $amount } on { $date }.
promise-remind-at = I will remind you on { $date } at { $time }.
promise-day-message = 📅 Today is the day you said you would pay { $amount } towards { $name }. Once you have paid, press Paid to record it.
promise-open = Your promise: { $amount } towards { $name } on { $date }. Its overdue reminders wait until then.
promise-last = Your last promise: { $amount } towards { $name } on { $date }, { $status }.
promise-status-open = open
promise-status-kept = kept ✓
promise-status-broken = not kept (the reminders came back)
promise-status-cancelled = cancelled
promise-cancelled = Promise cancelled: { $amount } towards { $name } on { $date }. The overdue reminders of { $name } come as usual again.
promise-not-open = That promise is no longer open. /promise shows where it stands.
promise-cancel-done = OK, no promise made.
button-promise = 🤝 I'll pay on…
button-promise-loan = 🤝 I'll pay { $name } on…
button-promise-cancel = Cancel the promise
button-promise-cancel-loan = Cancel the promise for { $name }
button-promise-new = New promise

## export and privacy

command-export = Download everything stored about you (JSON and CSV files)
command-privacy = What is stored about you, why, for how long and who sees it
export-nothing = There is nothing to export yet: I have no loans, payments, hardship requests or promises of yours. All I keep about you is your settings (language, time zone, reminders): /settings shows them.
export-json-caption =
    📦 Everything stored about you, in one file (JSON, format version { $version }):
    Loans: { $loans } · installments: { $installments } · payments: { $payments }
    Hardship requests: { $requests } · promises to pay: { $promises } · history entries: { $audit }
    Keep it somewhere safe: it holds your financial details.
export-csv-loans = loans.csv — your loans, one a row, for a spreadsheet (Excel shows Chinese names correctly).
export-csv-installments = installments.csv — every installment of every loan: due date, principal, interest, fee, paid so far.
export-csv-payments = payments.csv — every payment recorded, with its loan and how much of it paid penalty and late fees.
privacy-stored =
    🔒 What I store about you
    • your profile and settings: your Telegram user id, language, time zone and reminder settings;
    • the loans you entered, their repayment schedules, the payments you recorded and the penalties your lender charged or waived;
    • your promises to pay and your hardship requests (reason, budget, proposal, the notes between you and the operators), with the history of each step;
    • technical records: reminders planned and sent, a form you are filling in, and for a day the ids of the Telegram messages I received (so nothing is done twice).
privacy-why = Why: to show you what you owe and when, to remind you before a due date, and to pass a hardship request to the people who decide on it. It is used for nothing else.
privacy-how-long = For how long: a loan, with its schedule, payments, penalty entries and promises, until you delete it with /deleteloan; your settings, your hardship requests and the history of requests and promises, until you erase everything with /forget. The history cannot be rewritten (/forget only makes your entries pseudonymous) and outlives a deleted loan, so what was asked and decided can always be shown.
privacy-who = Who sees it: the operators who run this bot (a lender's servicing team, a debt-advice service, or one person running it). They see the hardship requests you submitted, with the figures of the loans they are about, and your promises to pay; as keepers of the database they can read all of it. Your loans are shown only in your private chat with me; the operators' chats get only the requests and promises you submitted.
privacy-commands = Your commands:
privacy-command-export = /export — download everything stored about you: one JSON file, and CSV files that open in Excel.
privacy-command-import = /import — send an export's JSON file back to restore your loans and payments, after a preview and your confirmation.
privacy-command-forget = /forget — erase everything about you, after you type a confirmation word; the history then keeps only pseudonymous events, with no text, amounts or names.
privacy-command-forget-coming = /forget — coming: erase everything about you. Until then, /deleteloan erases a loan with its schedule, payments and promises; for the rest, ask whoever runs this bot.

## input faults

paid-word-not-understood =
    I did not understand “{ $word }”.
    { $reason }
paid-ask-amount = How much did you pay to { $name }? Type the amount, and the day if it was not today (e.g. 500, or 500 yesterday). The next installment is { $amount }.
form-name-undo = taking back a payment
form-name-deleteloan = deleting a loan
form-name-penalty = recording a penalty
form-name-requests = answering a request
form-name-review = writing a decision note

## forget and import

command-forget = Erase everything stored about you
command-import = Restore your loans and payments from an export file
error-document-not-expected = I was not expecting a file. To restore your loans from an export, send its JSON file (/import says how).
forget-word = FORGET
forget-confirm =
    ⚠️ This erases everything I keep about you: your settings, every loan with its schedule, payments and penalty entries, your promises to pay, your hardship requests and their notes, planned reminders and any form you are filling in. It cannot be undone: /export first if you want a copy.
    The history of requests and promises keeps only pseudonymous events (what happened and when, with no text, amounts or names).
    To go ahead, type { $word }. Anything else cancels.
forget-cancelled = Nothing was erased.
forget-private-only = /forget and /import work only in a private chat with me, where nobody else can see your data. Please message me directly.
forget-done = 🗑 Done: everything about you is erased.
forget-done-loans = Loans: { $loans } · installments: { $installments } · payments: { $payments } · penalty entries: { $penalties }
forget-done-requests = Hardship requests: { $requests } · their notes: { $notes } · promises to pay: { $promises }
forget-done-other = Reminders and queued messages: { $reminders } · open forms: { $forms } · other records: { $updates }
forget-done-audit = History entries kept without your id, text, amounts or names (pseudonymous): { $audit }
forget-done-no-audit = There was no history of requests or promises to keep.
forget-done-after = If you write to me again, I start from nothing. /import restores an export you kept.
import-how = Send me the JSON file that /export gave you (as a file, with the paperclip), and I will show what it holds before anything is restored.
import-private-only = /forget and /import work only in a private chat with me, where nobody else can see your data. Please message me directly.
import-too-large = That file is too large for an export (the limit is { $max } MB). Send the JSON file that /export gave you.
import-not-json = I could not read that file: it is not complete JSON (it may have been cut short or changed). Send the JSON file that /export gave you, unchanged.
import-not-export = That file is not a repaybot export. Send the JSON file that /export gave you.
import-newer-version = That export is of a newer format (version { $version }); this bot reads up to version { $supported }. Ask whoever runs this bot to update it, then send the file again.
import-invalid = That export has a field I cannot accept ({ $where }), so nothing was imported. Send the JSON file that /export gave you, unchanged.
import-no-loans = That export has no loans in it, so there is nothing to import.
import-download-failed = I could not download that file. Please send it again.
import-preview = 📥 The export of { $date } holds:
import-preview-counts = Loans: { $loans } · installments: { $installments } · payments: { $payments } · penalty entries: { $penalties }
import-preview-totals = Borrowed in all: { $principal } · paid in all: { $paid }
import-preview-renamed = “{ $from }” comes in as “{ $to }”: you already have a loan by that name.
import-preview-settings = Your settings (language, time zone, reminders) are taken from the export.
import-preview-settings-kept = Your settings here stay as they are.
import-preview-skipped = Not imported: hardship requests ({ $requests }), promises to pay ({ $promises }) and history entries ({ $audit }): they were decided and kept by the bot that wrote the export.
import-preview-ask = Import these loans? Nothing changes until you press Import.
button-import = Import
import-cancelled = Nothing was imported.
import-done = ✅ Imported: { $names }. Payments restored: { $payments }. /loans shows them.
import-file-unreadable = I could not open { $path }: { $reason }

## calendar
command-calendar = Due dates for your calendar app (a file, or a subscription link)
calendar-name = Loan repayments
calendar-event-summary = Repay { $amount } · { $name }
calendar-event-description = { $name }: installment { $n } of { $periods }, due { $date }. To settle it: { $amount }.
calendar-event-penalty = This includes { $penalty } of penalty and late fees so far; more accrues each day it stays unpaid.
calendar-alarm = { $name }: { $amount } due { $date }
calendar-caption = { $count ->
    [one] 📅 One open installment
   *[other] 📅 { $count } open installments
  } of { $loans ->
    [one] one loan
   *[other] { $loans } loans
  }. Open the file to add them to your calendar; importing a newer file later updates the same events instead of adding copies.
calendar-nothing = There is nothing to put in a calendar: none of your loans has an installment left to pay. Add a loan with /addloan.
calendar-feed-unavailable = A subscription link needs the bot's web server (webhook mode), and it is not running here. Send /calendar to get the file instead.
calendar-feed-created = 🔗 Your private calendar link:
    { $url }
    Subscribe to it in your calendar app: it always shows your current schedule. Anyone who has the link can see your due dates, so keep it to yourself. Sending /calendar feed again makes a new link and turns this one off; /calendar revoke turns it off.
calendar-feed-revoked = Your calendar link is turned off: it no longer shows anything.
calendar-feed-none = You have no calendar link to turn off.
calendar-usage = Send /calendar for a calendar file, /calendar feed for a subscription link, or /calendar revoke to turn the link off.

## plan (issue 14: the way out across all loans)
command-plan = Debt-free plan across your loans: /plan 500 adds 500 a month
plan-no-loans = You have no open loans, so there is nothing to plan. Add one with /addloan.
plan-bad-extra = Please give the extra per month as a positive amount, e.g. /plan 500 (or just /plan).
plan-extra-too-large = That extra is more than this plan accepts ({ $cap } a month: 100 × your monthly dues, at most 1,000,000). Please give a smaller amount, e.g. /plan 500.
plan-header-no-extra = { $loans ->
    [one] Your loan if you pay only the schedule. Add an extra monthly amount (e.g. /plan 500) to see how much sooner each strategy clears it.
   *[other] Your { $loans } loans if you pay only the schedules. Add an extra monthly amount (e.g. /plan 500) to see how much sooner each strategy clears them.
}
plan-header = { $loans ->
    [one] Your loan with { $extra } extra a month:
   *[other] Your { $loans } loans with { $extra } extra a month:
}
plan-strategy-schedule = Schedules only
plan-strategy-avalanche = Avalanche (highest true annual rate first)
plan-strategy-snowball = Snowball (smallest balance first)
plan-debt-free = { $months ->
    [one] Debt-free: { $date } (1 month)
   *[other] Debt-free: { $date } ({ $months } months)
}
plan-beyond-horizon = Not debt-free within 50 years at this pace.
plan-totals = Interest { $interest }, fees and penalty { $fees }, total paid { $total }
plan-saving = You save { $amount } versus the schedules only
plan-order = Extra goes to: { $names }
plan-rules = Overdue amounts with penalty are paid first. When a loan is paid off, its monthly payment rolls into the next one. Prepayment fees follow each loan's rules; this is an estimate, check your contracts.

## chart
command-chart = Pictures of your repayments: the next 12 months, or one loan (/chart name)
chart-nothing = There is nothing to chart: none of your loans has an installment due in the next 12 months. Add a loan with /addloan.
chart-all-title = Due each month, next 12 months
chart-axis-month = Month
chart-axis-due = Amount due
chart-other-loans = { $count ->
    [one] { $count } other loan
   *[other] { $count } other loans
}
chart-all-caption = { $loans ->
    [one] Your { $loans } loan over the next 12 months: { $total } in all (overdue amounts in this month).
   *[other] Your { $loans } loans over the next 12 months: { $total } in all (overdue amounts in this month).
}
# Added to the caption when some months are outlined (never one of several equal months).
chart-all-caption-heavy = { $count ->
    [one] The outlined bar is the heaviest month.
   *[other] The outlined bars are the heaviest months.
}
form-name-forget = erasing your data
form-name-import = importing your data
chart-loan-title = { $name }: balance and installments
chart-loan-axis-due = Due date
chart-loan-axis-year = Year
chart-loan-axis-balance = Principal left
chart-loan-axis-installment = Each installment
chart-loan-axis-per-year = Per year
chart-legend-principal = Principal
chart-legend-interest = Interest
chart-legend-fees = Fees
chart-legend-balance = Principal left
chart-legend-paid = Paid
chart-legend-overdue = Overdue
chart-legend-today = Today
chart-loan-caption = { $name }: installments paid { $paid } of { $periods }, { $principal } of principal left, { $owed } still to pay as scheduled.
chart-loan-caption-overdue = { $count ->
    [one] 1 installment is overdue (dashed outline).
   *[other] { $count } installments are overdue (dashed outline).
}
chart-loan-caption-yearly = One bar per year (installments: { $periods }).
chart-loan-paid-off = { $name } is paid off: nothing left to chart. Send /chart for your other loans.
chart-loan-unknown = You have no loan called “{ $name }”. Pick one, or send /chart for all your loans.
plan-chart-title = Debt left, by strategy
plan-chart-axis-month = Month
plan-chart-axis-debt = Debt left
plan-chart-schedule = Schedules only
plan-chart-avalanche = Avalanche
plan-chart-snowball = Snowball
plan-chart-caption = The chart: debt left month by month for each strategy.
text-only = I read text messages only. Please type your message, or a command such as /help.
