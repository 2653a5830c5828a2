package io.github.ftpdoctor.internal.protocol;

import java.util.BitSet;

/**
 * Frequent Chinese characters, simplified and traditional, including the words of FTP server messages. A text
 * decoded with the wrong legacy encoding turns into rare characters, so counting frequent ones tells GB2312 from
 * Big5. Language statistics, not reply knowledge.
 */
final class CommonHanzi {
    private static final String SIMPLIFIED = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学"
            + "对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样"
            + "现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四"
            + "第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马"
            + "命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它"
            + "许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该"
            + "领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒"
            + "未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落"
            + "视济喜离虽坏兴切登录户密码败功欢迎超断输载限统存误拒绝访试稍欢您已满达该拒请输入账号匿名";
    private static final String TRADITIONAL = "這個們來說國時會過對麼後於還發現經頭種實兩長樣當學機給間與點進開關動應從問題電號讓認變邊戰"
            + "產線總無為裡歡迎用戶登錄入密碼檔案目錄伺服器連線錯誤拒絕存取失敗成功逾時斷開傳輸上傳下載權限系統不存在法請稍再試已滿達"
            + "該帳號匿名您歡迎來到這是私人系統禁止位址連接數太多個人使用者僅支援與參數遺失刪除建立移除重新命名開始送接收完中斷"
            + "允許過稍後檔名稱已經並且選項設定資料夾路徑空間磁碟配額超過錯誤訊息";
    private static final BitSet SET = new BitSet(0x10000);

    static {
        for (String s : new String[] {SIMPLIFIED, TRADITIONAL}) {
            s.chars().forEach(SET::set);
        }
    }

    private CommonHanzi() {
    }

    private static final java.nio.charset.CharsetEncoder GB2312 = java.nio.charset.Charset.forName("GB2312").newEncoder();

    /**
     * How much the text reads like Chinese: frequent Chinese characters count for it; kana, Greek, Cyrillic and box
     * drawing (what Big5 bytes turn into when read as GB18030) count against it; so do, for a GB18030 reading,
     * characters outside GB2312 (the rare extension area where Big5's common characters land).
     */
    static int score(String text, boolean gbReading) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (SET.get(c)) {
                n += 2;
            } else if (c >= 0x3040 && c <= 0x30FF || c >= 0x0370 && c <= 0x04FF || c >= 0x2500 && c <= 0x257F) {
                n -= 3;
            } else if (gbReading && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && !inGb2312(c)) {
                n -= 1;
            }
        }
        return n;
    }

    private static boolean inGb2312(char c) {
        synchronized (GB2312) {
            return GB2312.canEncode(c);
        }
    }
}
