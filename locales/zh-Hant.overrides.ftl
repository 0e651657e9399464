## Whole messages that replace the OpenCC conversion of zh-Hans.ftl in zh-Hant.ftl.
## Use for wording a Taiwan / Hong Kong reader would phrase differently, not just other characters.

language-set = 好的，之後我會用{ $language }和你溝通。
error-message-too-long = 訊息太長了（超過 { $max } 個字元），請傳短一點。
error-internal = 抱歉，我這邊出了點問題。你輸入的內容沒有遺失，請稍後再試。
console-banner = repaybot —— 終端機本地聊天（未設定 BOT_TOKEN）。輸入 /start 開始，/help 檢視指令；輸入按鈕前的數字即可選擇。Ctrl+D 離開。
private-chat-only = 為了保護你的隱私，我只在私訊中討論借款。請直接私訊我。
