"""Round 11 (world11): the wording rules recognise the same classes of lure in ru, uk, pl, tr, zh, ko, id, vi and
the gaps of de, fr, es, pt, it, nl, and leave the ordinary mail of those languages alone.

Every text here was written for this test from knowledge of lures of 2020–2026 (not copied from any probe or
corpus); names, numbers, wallets and hosts are made up (reserved names; phone numbers fictional)."""

from __future__ import annotations

import pytest

from bot.analysis.pipeline import analyse

BTC = "bc1q2qyrzv0pa5uvwjlq9a369s5wjpyxexjcypqddr"
TRON = "TVxcwrWVZweDCtZXhgsC7VLA6btymh3fSV"

# (language, class, subject, body): pasted as "subject\n\nbody"; each must get a verdict other than no_signs
LURES: list[tuple[str, str, str, str]] = [
    # --- ru
    ("ru", "extortion", "Ваш аккаунт взломан",
     "Привет! Я взломал ваше устройство несколько месяцев назад и установил вредоносную программу. Я записал видео, "
     "как вы смотрите сайты для взрослых. Если в течение 48 часов вы не переведёте 1300 USD в биткоинах на мой "
     f"кошелек {BTC}, я отправлю это видео всем вашим контактам. Не пытайтесь обратиться в полицию."),
    ("ru", "advance", "Конфиденциально",
     "Уважаемый друг, я адвокат покойного клиента, который оставил на депозите 8 500 000 долларов США. У него нет "
     "наследников, и я предлагаю вам выступить в качестве ближайшего родственника. Мы разделим средства 50/50. "
     "Ответьте мне, указав ваше полное имя и номер телефона."),
    ("ru", "callback", "Подтверждение списания",
     "Ваша подписка на антивирус продлена автоматически. С вашей карты списано 24 990 руб. Если вы не совершали эту "
     "операцию, позвоните по номеру +7 (800) 555-01-23 для отмены и возврата средств."),
    ("ru", "investment", "Пассивный доход",
     "Инвестируйте от 250 $ и получайте от 3000 $ в неделю! Наш торговый робот работает на бирже круглосуточно. "
     "Гарантированный доход без риска. Оставьте заявку, и наш менеджер свяжется с вами."),
    ("ru", "account", "Ваш аккаунт будет заблокирован",
     "Мы обнаружили подозрительную активность в вашей учетной записи. Ваш аккаунт будет заблокирован в течение "
     "24 часов. Чтобы избежать блокировки, подтвердите свои данные по ссылке: https://example.net/ru/verify"),
    ("ru", "spam", "Выведем ваш сайт в ТОП",
     "Здравствуйте! Предлагаем продвижение сайта в ТОП-10 Яндекса и Google за 30 дней. Также продаем базы данных "
     "клиентов по всем регионам. Ответьте на это письмо, чтобы получить коммерческое предложение."),
    ("ru", "prize", "Поздравляем!",
     "Поздравляем! Вы выиграли iPhone 16 Pro в нашем розыгрыше. Чтобы получить приз, оплатите только доставку "
     "299 руб. до конца дня: https://example.net/ru/prize"),
    # --- uk
    ("uk", "extortion", "Останнє попередження",
     "Я зламав ваш пристрій і отримав доступ до камери. У мене є відео, яке я надішлю всім вашим контактам. "
     f"Переведіть 1000 доларів у біткоїнах на гаманець {BTC} протягом 48 годин."),
    ("uk", "account", "Обліковий запис буде заблоковано",
     "Ваш обліковий запис буде заблоковано через підозрілу активність. Підтвердіть свої дані протягом 24 годин: "
     "https://example.net/ua/confirm"),
    ("uk", "advance", "Спадщина",
     "Шановний друже, я юрист вашого покійного родича, який залишив спадщину 4 200 000 євро. Ви визначені "
     "найближчим родичем. Надішліть ваше повне ім'я та номер телефону для оформлення документів."),
    ("uk", "prize", "Вітаємо!",
     "Вітаємо! Ви виграли смартфон у нашому розіграші. Щоб отримати приз, сплатіть лише доставку 49 грн: "
     "https://example.net/ua/prize"),
    ("uk", "benefit", "Отримайте виплату",
     "Вам нараховано грошову допомогу 6500 грн. Щоб отримати виплату, введіть дані вашої картки: "
     "https://example.net/ua/pay"),
    ("uk", "investment", "Інвестиції",
     "Гарантований прибуток від 30% на місяць! Інвестуйте в криптовалюту разом з нашим торговим ботом. "
     "Залиште заявку зараз."),
    # --- pl
    ("pl", "extortion", "Mam twoje nagranie",
     "Zhakowałem twoje urządzenie i nagrałem cię przez kamerę, gdy oglądałeś strony dla dorosłych. Wyślę to nagranie "
     f"wszystkim twoim kontaktom, jeśli w ciągu 48 godzin nie przelejesz 1200 USD w bitcoinach na portfel {BTC}."),
    ("pl", "parcel", "Twoja paczka czeka na dopłatę",
     "Twoja paczka oczekuje w magazynie. Aby ją odebrać, dokonaj dopłaty 1,99 zł w ciągu 24 godzin, w przeciwnym "
     "razie przesyłka zostanie zwrócona: https://example.net/pl/doplata"),
    ("pl", "advance", "Poufna propozycja",
     "Szanowny Panie, jestem prawnikiem zmarłego klienta, który pozostawił spadek w wysokości 6 000 000 USD. "
     "Proponuję, aby Pan wystąpił jako najbliższy krewny. Proszę o odpowiedź z pełnym imieniem i nazwiskiem."),
    ("pl", "investment", "Zarabiaj z domu",
     "Zainwestuj tylko 1000 zł i zarabiaj nawet 5000 zł tygodniowo. Gwarantowany zysk dzięki platformie inwestycyjnej "
     "opartej na sztucznej inteligencji. Zostaw swój numer telefonu."),
    ("pl", "callback", "Potwierdzenie płatności",
     "Twoja subskrypcja została odnowiona. Z Twojej karty pobrano 899 zł. Jeśli nie dokonałeś tego zakupu, "
     "zadzwoń pod numer +48 800 555 014, aby anulować transakcję."),
    ("pl", "account", "Twoje konto zostanie zablokowane",
     "Wykryliśmy nietypowe logowanie. Twoje konto zostanie zablokowane, jeśli nie potwierdzisz swoich danych: "
     "https://example.net/pl/weryfikacja"),
    # --- tr
    ("tr", "extortion", "Son uyarı",
     "Cihazınızı hackledim ve kameranızdan sizi kaydettim. Bu videoyu tüm kişilerinize göndereceğim. Bunu önlemek "
     f"için 48 saat içinde 1000 USD değerinde Bitcoin'i şu cüzdana gönderin: {BTC}"),
    ("tr", "account", "HESABINIZ ASKIYA ALINDI",
     "Hesabınızda olağandışı bir etkinlik tespit ettik. Hesabınız askıya alınmıştır. Kimliğinizi doğrulamak için "
     "bağlantıya tıklayın: https://example.net/tr/dogrula"),
    ("tr", "advance", "Gizli teklif",
     "Sayın dostum, vefat eden müvekkilimin 7.500.000 USD mirası var ve hiçbir akrabası yok. Sizi en yakın akrabası "
     "olarak göstermek istiyorum. Lütfen tam adınız ve telefon numaranız ile cevap verin."),
    ("tr", "prize", "TEBRİKLER! KAZANDINIZ",
     "Tebrikler! Çekilişimizde iPhone 16 kazandınız. Ödülünüzü almak için sadece 29,90 TL kargo ücretini ödeyin: "
     "https://example.net/tr/odul"),
    ("tr", "refund", "Vergi iadesi",
     "Vergi iadesi almaya hak kazandınız: 1.850 TL. İadenizi almak için kart bilgilerinizi girin: "
     "https://example.net/tr/iade"),
    ("tr", "spam", "Deneme bonusu",
     "Yeni üyelere 500 TL deneme bonusu! Çevrimsiz bonus ve yüksek oranlarla canlı bahis. Hemen üye ol."),
    ("tr", "investment", "Yatırım fırsatı",
     "Garantili kazanç! Sadece 5.000 TL yatırım yapın ve günlük kazanç elde edin. Yapay zeka destekli borsa robotu."),
    # --- zh (simplified and traditional)
    ("zh", "extortion", "最后警告",
     "我已经入侵了你的设备，并通过摄像头录下了你观看成人网站的视频。如果你不在48小时内向这个比特币钱包支付1000美元，"
     f"我会把视频发给你所有的联系人。钱包地址：{BTC}"),
    ("zh", "extortion", "最後警告",
     "我已經入侵了你的設備，並透過攝像頭錄下了你的影片。請在48小時內將價值1000美元的比特幣轉入以下錢包，"
     f"否則我會把影片發送給你所有的聯絡人。錢包地址：{BTC}"),
    ("zh", "advance", "机密合作",
     "亲爱的朋友，我是一名律师。我已故的客户留下了850万美元的遗产，没有任何继承人。我希望您作为他的近亲来领取这笔资金，"
     "我们五五分成。请回复您的全名和电话号码。"),
    ("zh", "investment", "稳赚不赔",
     "跟着导师投资，稳赚不赔，日收益5%以上！加入我们的股票交流群，免费获取内部消息。"),
    ("zh", "job", "兼職招聘",
     "在家兼職，日賺500-3000元，無需經驗，只需手機點讚即可。有意者請加LINE聯繫。"),
    ("zh", "account", "账户异常通知",
     "您的账户存在异常登录，已被临时冻结。请点击以下链接验证您的身份，否则账户将被永久停用：https://example.net/cn/verify"),
    ("zh", "refund", "退稅通知",
     "您有一筆退稅款新台幣3,280元尚未領取。請於三日內點擊以下連結填寫信用卡資料以領取退稅：https://example.net/tw/tax"),
    ("zh", "spam", "代开发票",
     "本公司代开各类增值税发票，点数优惠，可先验票后付款。另有网站SEO优化，快速排名首页。"),
    # --- ko
    ("ko", "extortion", "마지막 경고",
     "나는 당신의 기기를 해킹했고 웹캠으로 당신의 영상을 녹화했습니다. 48시간 안에 비트코인 1000달러를 아래 지갑으로 "
     f"보내지 않으면 이 영상을 모든 연락처에 보내겠습니다. 지갑 주소: {BTC}"),
    ("ko", "callback", "[Web발신] 해외결제 승인",
     "[국외발신] 해외결제 승인 1,290,000원 정상처리되었습니다. 본인이 아닐 경우 고객센터 02-555-0199로 연락 바랍니다."),
    ("ko", "investment", "원금 보장 투자",
     "원금 보장! 하루 수익률 5% 이상. 전문가 리딩방에서 무료로 종목을 추천해 드립니다. 지금 바로 참여하세요."),
    ("ko", "account", "계정이 정지되었습니다",
     "회원님의 계정에서 비정상적인 로그인이 감지되어 계정이 정지되었습니다. 본인 인증을 완료하지 않으면 계정이 영구 삭제됩니다: "
     "https://example.net/kr/verify"),
    ("ko", "prize", "당첨을 축하합니다",
     "축하합니다! 이벤트에 당첨되셨습니다. 경품 수령을 위해 배송비 3,000원을 결제해 주세요: https://example.net/kr/event"),
    ("ko", "advance", "상속 관련 비밀 제안",
     "저는 변호사입니다. 사망한 고객이 750만 달러의 유산을 남겼으며 상속인이 없습니다. 귀하를 가장 가까운 친척으로 "
     "등록하고자 합니다. 성함과 연락처를 회신해 주십시오."),
    ("ko", "loan", "정부지원 대출",
     "무직자, 신용불량자도 당일 대출 가능! 정부지원 저금리 대출 한도 조회. 지금 상담 신청하세요."),
    # --- id
    ("id", "extortion", "Peringatan terakhir",
     "Saya telah meretas perangkat Anda dan merekam video Anda melalui kamera. Kirim 1000 USD dalam Bitcoin ke dompet "
     f"{BTC} dalam 48 jam, atau video ini akan saya kirim ke semua kontak Anda."),
    ("id", "prize", "Selamat! Anda pemenang",
     "Selamat! Anda terpilih sebagai pemenang hadiah undian sebesar Rp 175.000.000. Untuk mencairkan hadiah, "
     "transfer biaya administrasi Rp 750.000 ke rekening panitia."),
    ("id", "account", "Akun Anda akan diblokir",
     "Kami mendeteksi aktivitas mencurigakan. Akun Anda akan diblokir dalam 24 jam. Silakan verifikasi data Anda di "
     "tautan berikut: https://example.net/id/verifikasi"),
    ("id", "investment", "Profit harian",
     "Investasi mulai Rp 100.000 dengan keuntungan pasti 10% per hari! Dana dijamin aman, tanpa risiko. "
     "Gabung grup WhatsApp sekarang."),
    ("id", "job", "Kerja paruh waktu",
     "Kerja paruh waktu dari rumah, penghasilan Rp 500.000 - 2.000.000 per hari. Cukup like dan subscribe video "
     "YouTube. Hubungi admin via WhatsApp."),
    ("id", "advance", "Warisan",
     "Saya seorang pengacara. Almarhum klien saya meninggalkan warisan sebesar 6.500.000 USD tanpa ahli waris. "
     "Saya ingin mengajukan Anda sebagai kerabat terdekat. Balas dengan nama lengkap dan nomor telepon Anda."),
    ("id", "loan", "Pinjaman cepat",
     "Pinjaman online cair dalam 5 menit tanpa jaminan, tanpa BI checking. Bunga rendah, limit hingga Rp 50 juta."),
    # --- vi
    ("vi", "extortion", "Cảnh báo cuối cùng",
     "Tôi đã hack thiết bị của bạn và quay video bạn qua webcam. Hãy chuyển 1000 USD bằng Bitcoin vào ví "
     f"{BTC} trong vòng 48 giờ, nếu không tôi sẽ gửi video này cho tất cả danh bạ của bạn."),
    ("vi", "account", "Tài khoản của bạn sẽ bị khóa",
     "Chúng tôi phát hiện hoạt động đáng ngờ. Tài khoản của bạn sẽ bị khóa trong 24 giờ. Vui lòng xác minh danh tính "
     "tại: https://example.net/vn/xacminh"),
    ("vi", "prize", "Chúc mừng bạn đã trúng thưởng",
     "Chúc mừng! Bạn đã trúng thưởng một chiếc xe máy trị giá 45.000.000 VNĐ. Để nhận thưởng, vui lòng nộp phí "
     "vận chuyển 500.000 VNĐ."),
    ("vi", "investment", "Lợi nhuận cao",
     "Đầu tư chỉ từ 1 triệu, lợi nhuận 30% mỗi tháng, cam kết lợi nhuận, không rủi ro. Tham gia nhóm Zalo ngay."),
    ("vi", "job", "Việc làm online",
     "Tuyển cộng tác viên làm việc online tại nhà, thu nhập 500.000 - 2.000.000 đồng/ngày. Chỉ cần làm nhiệm vụ "
     "trên điện thoại. Liên hệ Zalo."),
    ("vi", "refund", "Hoàn thuế",
     "Bạn được hoàn thuế thu nhập cá nhân 3.250.000 đồng. Để nhận tiền hoàn thuế, vui lòng cập nhật thông tin thẻ "
     "ngân hàng tại: https://example.net/vn/hoanthue"),
    # --- the gaps of de, fr, es, pt, it, nl: callback without a link, advance fee, SEO and B2B offers, extortion
    ("de", "extortion", "Letzte Warnung",
     "Ich habe Ihr Gerät gehackt und Sie über Ihre Kamera aufgenommen. Überweisen Sie innerhalb von 48 Stunden "
     f"1000 USD in Bitcoin an diese Adresse: {BTC}, sonst schicke ich das Video an alle Ihre Kontakte."),
    ("de", "spam", "Ihre Website auf Seite 1",
     "Guten Tag, wir bringen Ihre Website auf die erste Seite bei Google. Garantierte Top-Platzierung, "
     "Backlinks und SEO-Optimierung zum Festpreis. Antworten Sie für ein unverbindliches Angebot."),
    ("fr", "advance", "Proposition confidentielle",
     "Cher ami, je suis avocat. Mon défunt client a laissé un héritage de 4 500 000 euros sans aucun héritier. "
     "Je souhaite vous présenter comme son plus proche parent. Répondez-moi avec votre nom complet."),
    ("fr", "extortion", "Dernier avertissement",
     "J'ai piraté votre appareil et enregistré une vidéo de vous avec votre webcam. Envoyez 1000 USD en Bitcoin à "
     f"l'adresse {BTC} dans les 48 heures, sinon j'envoie la vidéo à tous vos contacts."),
    ("es", "callback", "Confirmación de cargo",
     "Se ha renovado su suscripción anual. Se cargaron 349,99 € a su tarjeta. Si no reconoce este cargo, llame al "
     "+34 900 555 014 para cancelarlo."),
    ("es", "spam", "Base de datos de empresas",
     "Vendemos base de datos de empresas actualizada 2026 con correos electrónicos y teléfonos de contacto. "
     "Listados de clientes potenciales por sector. Responda para recibir la lista de precios."),
    ("pt", "advance", "Proposta confidencial",
     "Caro amigo, sou advogado de um cliente falecido que deixou um depósito de 7,5 milhões de dólares sem herdeiros. "
     "Proponho apresentá-lo como parente mais próximo. Responda com seu nome completo e telefone."),
    ("pt", "callback", "Confirmação de cobrança",
     "Sua assinatura foi renovada e cobramos R$ 1.299,00 no seu cartão. Se você não reconhece esta compra, ligue "
     "para 0800 555 0142 para cancelar."),
    ("it", "callback", "Conferma addebito",
     "Il tuo abbonamento è stato rinnovato. Abbiamo addebitato 299,99 € sulla tua carta. Se non riconosci questo "
     "addebito, chiama il numero +39 800 555 014 per annullare."),
    ("it", "investment", "Rendimenti garantiti",
     "Investi solo 250 € e guadagna fino a 1.500 € a settimana con il nostro robot di trading. Guadagni garantiti, "
     "zero rischi. Lascia il tuo numero."),
    ("nl", "advance", "Vertrouwelijk voorstel",
     "Beste vriend, ik ben advocaat. Mijn overleden cliënt liet een erfenis van 5.000.000 euro na zonder erfgenamen. "
     "Ik wil u voordragen als naaste familielid. Antwoord met uw volledige naam."),
    # --- written after the first rules (studied): a mailbox said full, a parcel held, a fine, a police case, a
    # tax refund, a card blocked, a stranger's profile, an invoice to download as an archive
    ("zh", "mailbox", "邮箱容量已满",
     "您的邮箱容量已满，将无法接收新邮件。请立即点击以下链接升级您的邮箱：https://example.net/mail"),
    ("ko", "parcel", "[CJ] 배송 불가",
     "주소지 불일치로 배송이 보류되었습니다. 주소를 확인해 주세요 https://example.net/kr/addr"),
    ("vi", "police", "Thông báo từ cơ quan công an",
     "Bạn có liên quan đến một vụ án rửa tiền. Vui lòng chuyển toàn bộ tiền vào tài khoản tạm giữ để xác minh."),
    ("id", "parcel", "Paket tertahan",
     "Paket Anda tertahan di gudang karena alamat tidak lengkap. Perbarui alamat dan bayar biaya pengiriman ulang "
     "Rp 15.000: https://example.net/id/paket"),
    ("uk", "card", "Ваша картка заблокована",
     "Ваша картка тимчасово заблокована. Для розблокування підтвердіть свої дані: https://example.net/ua/card"),
    ("tr", "fine", "e-Devlet bildirimi",
     "Adınıza kayıtlı ödenmemiş trafik cezası bulunmaktadır. Cezanızı ödemek için tıklayın: https://example.net/tr/ceza"),
    ("pl", "refund", "Zwrot podatku",
     "Przysługuje Ci zwrot nadpłaconego podatku w wysokości 540 zł. Aby otrzymać zwrot, wypełnij formularz: "
     "https://example.net/pl/zwrot"),
    ("ru", "romance", "Привет, красавчик",
     "Я Катя, мне 25. Увидела твою анкету и хочу познакомиться. Напиши мне на сайте: https://example.net/k"),
    ("ru", "malware", "Счет на оплату №4412",
     "Добрый день! Направляем счет на оплату за декабрь. Скачать счет: https://example.net/docs/schet_4412.zip\n"
     "С уважением, бухгалтерия"),
    ("pl", "malware", "Faktura VAT 12/2026",
     "Dzień dobry, w załączeniu przesyłam fakturę do zapłaty. Pobierz fakturę: https://example.net/f/faktura.zip"),
    ("de", "malware", "Rechnung 2026-4412",
     "Sehr geehrte Damen und Herren, anbei die offene Rechnung. Rechnung herunterladen: "
     "https://example.net/Rechnung_2026-4412.zip"),
    ("nl", "callback", "Bevestiging afschrijving",
     "Uw abonnement is verlengd en er is € 299,99 van uw rekening afgeschreven. Herkent u deze betaling niet? "
     "Bel dan +31 800 555 0142 om te annuleren."),
]

# (language, topic, domain, subject, body): ordinary mail in the same languages; no verdict other than no_signs,
# whether pasted or sent from its own domain (aligned)
ORDINARY: list[tuple[str, str, str, str, str]] = [
    ("ru", "bank notice", "bank.example.com", "Осторожно, мошенники",
     "Уважаемый клиент! Сотрудники банка никогда не просят сообщить код из SMS, PIN-код или CVV. Если вам звонят "
     "от имени банка и просят перевести деньги на «безопасный счет», положите трубку и позвоните по номеру на "
     "обратной стороне карты."),
    ("ru", "newsletter", "shop.example.com", "Новинки декабря",
     "Здравствуйте! В нашем магазине появились новые книги и настольные игры. Скидка 10% на заказы до 20 декабря. "
     "Отписаться от рассылки можно в личном кабинете."),
    ("ru", "tax office", "nalog.example.com", "Уведомление о налоге",
     "Сумма налога на имущество за 2025 год составляет 4 320 руб. Срок уплаты — до 1 декабря. Подробности в "
     "личном кабинете налогоплательщика на официальном сайте."),
    ("ru", "personal", "example.com", "Деньги за билеты",
     "Привет! Я перевёл тебе 3500 рублей за билеты на концерт. Проверь, пожалуйста, пришли ли деньги. Увидимся в "
     "субботу!"),
    ("ru", "investment warning", "cbr.example.com", "Как распознать финансовую пирамиду",
     "Если вам обещают гарантированный доход и просят привести друзей, это признаки финансовой пирамиды. Не переводите "
     "деньги незнакомцам и проверяйте компанию в реестре."),
    ("uk", "bank notice", "bank.example.com", "Безпека ваших коштів",
     "Працівники банку ніколи не запитують PIN-код, CVV чи пароль з SMS. Не повідомляйте ці дані нікому. "
     "Якщо отримали підозріле повідомлення, зателефонуйте за номером на звороті картки."),
    ("uk", "personal", "example.com", "Борг",
     "Привіт! Повертаю тобі 500 гривень, які позичав минулого тижня. Дякую ще раз!"),
    ("uk", "newsletter", "news.example.com", "Новини тижня",
     "У цьому випуску: нові правила оформлення субсидій, розклад роботи ЦНАП у святкові дні та поради з "
     "енергозбереження."),
    ("pl", "bank notice", "bank.example.com", "Uwaga na oszustów",
     "Bank nigdy nie prosi o podanie kodu BLIK, PIN-u ani hasła w wiadomości e-mail. Nie klikaj w linki z podejrzanych "
     "wiadomości i nie instaluj aplikacji do zdalnego pulpitu na prośbę dzwoniącego."),
    ("pl", "tax office", "podatki.example.com", "Zeznanie podatkowe",
     "Twoje zeznanie PIT za 2025 rok zostało przyjęte. Zwrot podatku w kwocie 840 zł zostanie przelany na rachunek "
     "wskazany w zeznaniu. Szczegóły znajdziesz w e-Urzędzie Skarbowym."),
    ("pl", "personal", "example.com", "Zwrot za obiad",
     "Cześć, przelałem Ci 120 zł za wczorajszy obiad. Daj znać, czy doszło. Pozdrawiam!"),
    ("pl", "newsletter", "sklep.example.com", "Nowości w sklepie",
     "Sprawdź nasze nowości: kalendarze na 2027 rok i ozdoby świąteczne. Rabat 15% dla subskrybentów newslettera. "
     "Możesz zrezygnować z subskrypcji w ustawieniach konta."),
    ("tr", "bank notice", "banka.example.com", "Güvenlik uyarısı",
     "Değerli müşterimiz, bankamız hiçbir zaman SMS ile gelen şifrenizi veya kart bilgilerinizi telefonda sormaz. "
     "Şüpheli bir arama alırsanız kartınızın arkasındaki numarayı arayın."),
    ("tr", "tax office", "gib.example.com", "Vergi borcu hatırlatma",
     "Motorlu taşıtlar vergisinin ikinci taksitinin son ödeme tarihi 31 Aralık'tır. Ödemelerinizi İnteraktif Vergi "
     "Dairesi üzerinden yapabilirsiniz."),
    ("tr", "personal", "example.com", "Kira",
     "Merhaba, bu ayın kirasını hesabına gönderdim. Dekontu ekte bulabilirsin. İyi akşamlar!"),
    ("tr", "newsletter", "magaza.example.com", "Yılbaşı kampanyası",
     "Yılbaşına özel tüm kitaplarda %20 indirim! Kampanya 31 Aralık'a kadar geçerlidir. Abonelikten çıkmak için "
     "hesap ayarlarınızı ziyaret edin."),
    ("zh", "bank notice", "bank.example.com", "防诈骗提示",
     "尊敬的客户：本行工作人员绝不会向您索要短信验证码、银行卡密码或CVV。请勿点击陌生链接，如有疑问请拨打银行卡背面的客服电话。"),
    ("zh", "tax office", "tax.example.com", "個人所得稅申報提醒",
     "您好，2025年度綜合所得稅結算申報將於5月31日截止。請至本局官方網站或使用報稅軟體辦理申報。"),
    ("zh", "personal", "example.com", "聚餐费用",
     "大家好，上周聚餐一共花了860元，每人分摊215元，请转账给我。谢谢！"),
    ("zh", "investment warning", "csrc.example.com", "警惕非法荐股",
     "近期有不法分子冒充投资导师，以稳赚不赔、高收益为诱饵拉人进群。请投资者提高警惕，不要向陌生账户转账。"),
    ("zh", "newsletter", "shop.example.com", "本周新品",
     "本周上新：冬季外套和围巾，全场满300减30。退订请回复TD。"),
    ("ko", "bank notice", "bank.example.com", "금융사기 주의 안내",
     "고객님, 당사는 어떠한 경우에도 문자나 전화로 비밀번호, OTP 번호, 카드 정보를 요구하지 않습니다. 의심스러운 연락을 받으시면 "
     "카드 뒷면의 고객센터로 문의해 주십시오."),
    ("ko", "tax office", "hometax.example.com", "연말정산 안내",
     "2025년 귀속 연말정산 간소화 서비스가 1월 15일부터 제공됩니다. 자세한 내용은 홈택스 누리집에서 확인하시기 바랍니다."),
    ("ko", "personal", "example.com", "회비 입금",
     "안녕하세요, 이번 달 동호회 회비 3만원 입금했습니다. 확인 부탁드려요."),
    ("ko", "receipt", "shop.example.com", "주문이 완료되었습니다",
     "주문해 주셔서 감사합니다. 결제 금액 45,000원이 정상 처리되었습니다. 주문 내역은 마이페이지에서 확인하실 수 있습니다."),
    ("id", "bank notice", "bank.example.com", "Waspada penipuan",
     "Nasabah yth, bank tidak pernah meminta PIN, OTP, atau password Anda melalui telepon, SMS, atau email. Jangan "
     "berikan data tersebut kepada siapa pun."),
    ("id", "tax office", "pajak.example.com", "Pengingat SPT Tahunan",
     "Batas waktu penyampaian SPT Tahunan orang pribadi adalah 31 Maret. Laporkan SPT Anda melalui laman resmi "
     "DJP Online."),
    ("id", "personal", "example.com", "Uang arisan",
     "Halo, uang arisan bulan ini sudah saya transfer ya, Rp 200.000. Tolong dicek. Terima kasih!"),
    ("id", "investment warning", "ojk.example.com", "Waspada investasi ilegal",
     "OJK mengimbau masyarakat untuk tidak tergiur tawaran investasi dengan keuntungan pasti dan tidak masuk akal. "
     "Periksa legalitas perusahaan sebelum berinvestasi."),
    ("vi", "bank notice", "bank.example.com", "Cảnh báo lừa đảo",
     "Ngân hàng không bao giờ yêu cầu khách hàng cung cấp mã OTP, mật khẩu hay số thẻ qua điện thoại hoặc email. "
     "Quý khách vui lòng không chia sẻ các thông tin này."),
    ("vi", "personal", "example.com", "Tiền ăn trưa",
     "Chào bạn, mình đã chuyển 150.000 đồng tiền ăn trưa hôm qua rồi nhé. Cảm ơn bạn!"),
    ("vi", "tax office", "thue.example.com", "Nhắc nộp tờ khai",
     "Hạn nộp tờ khai quyết toán thuế thu nhập cá nhân năm 2025 là ngày 31 tháng 3. Vui lòng nộp tờ khai qua "
     "cổng thông tin điện tử chính thức của cơ quan thuế."),
    ("de", "bank notice", "bank.example.com", "Sicherheitshinweis",
     "Wir fragen Sie niemals per E-Mail oder Telefon nach Ihrer PIN, TAN oder Ihrem Passwort. Geben Sie diese "
     "Daten niemals weiter."),
    ("fr", "investment warning", "amf.example.com", "Arnaques aux placements",
     "Méfiez-vous des offres promettant un rendement garanti sans risque. Vérifiez toujours qu'une société est "
     "autorisée avant d'investir."),
    ("ru", "receipt", "shop.example.com", "Подписка продлена",
     "Ваша подписка продлена автоматически на 1 месяц. С вашей карты списано 299 руб. Отменить подписку можно в "
     "личном кабинете в разделе «Подписки»."),
    ("ru", "notary", "notariat.example.com", "Наследственное дело",
     "Уважаемая Анна Петровна! Сообщаем, что по заявлению наследников открыто наследственное дело. Для оформления "
     "наследства просим прибыть в нотариальную контору с паспортом в приемные часы."),
    ("zh", "receipt", "video.example.com", "自动续费成功",
     "您的会员已自动续费成功，本次扣款25元。如需取消自动续费，请前往“我的-设置-自动续费管理”操作。"),
    ("tr", "receipt", "muzik.example.com", "Aboneliğiniz yenilendi",
     "Premium aboneliğiniz otomatik olarak yenilendi ve kartınızdan 59,99 TL tahsil edildi. Aboneliğinizi hesap "
     "ayarları sayfasından istediğiniz zaman iptal edebilirsiniz."),
    ("pl", "receipt", "sklep.example.com", "Subskrypcja odnowiona",
     "Twoja subskrypcja została odnowiona. Z Twojej karty pobrano 29,99 zł. Subskrypcją możesz zarządzać w "
     "ustawieniach konta."),
    ("en", "release", "project.example.org", "Release 2.3",
     "Version 2.3 is out. Download the source archive: https://project.example.org/releases/tool-2.3.zip and the "
     "documentation: https://project.example.org/releases/docs-2.3.zip"),
    ("ko", "event winner", "event.example.com", "이벤트 당첨 안내",
     "이벤트에 당첨되신 것을 축하드립니다. 경품은 12월 10일에 등록하신 주소로 발송될 예정입니다."),
    ("ru", "fines", "gibdd.example.com", "Информация о штрафах",
     "Информация о штрафах ГИБДД доступна в личном кабинете на официальном портале. Оплатить штраф со скидкой 50% "
     "можно в течение 20 дней."),
    ("zh", "parcel", "express.example.com", "您的包裹已签收",
     "您好，您的包裹已于今天下午3点签收。如有疑问，请在官方App内联系客服。"),
    ("es", "personal", "example.com", "Lo de la cena",
     "Hola, te he hecho un Bizum de 25 euros por la cena del sábado. ¡Gracias por invitarnos!"),
]

UNALIGNED = "mx.example.jp; spf=pass smtp.mailfrom=bulk.example.net; dkim=none; dmarc=none"


def _mail(from_: str, subject: str, body: str, auth: str) -> bytes:
    head = (f"Authentication-Results: {auth}\nFrom: {from_}\nTo: taro.yamada@example.jp\nSubject: {subject}\n"
            "Date: Thu, 03 Dec 2026 10:02:05 +0900\nMessage-ID: <world11@example.net>\nMIME-Version: 1.0\n"
            'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: 8bit\n\n')
    return (head + body + "\n").encode()


def _aligned(domain: str) -> str:
    return (f"mx.example.jp; spf=pass smtp.mailfrom={domain}; dkim=pass header.d={domain}; "
            f"dmarc=pass header.from={domain}")


def _rules(analysis: object) -> list[str]:
    return [f"{f.rule}:{f.severity}" for f in analysis.findings]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("lang", "kind", "subject", "body"), LURES, ids=[f"{c[0]}-{c[1]}" for c in LURES])
def test_lure_is_caught_pasted(lang: str, kind: str, subject: str, body: str) -> None:
    analysis = analyse(f"{subject}\n\n{body}".encode())
    if kind == "spam":
        # a pasted offer has lost the headers that tell a mailing from a cold offer: its wording is named, and
        # it is flagged when it says enough (three telling phrases); as a mail it is flagged (below)
        assert "spam_content" in {f.rule for f in analysis.findings}, (lang, _rules(analysis))
        return
    assert analysis.verdict != "no_signs", (lang, kind, _rules(analysis))


@pytest.mark.parametrize(("lang", "kind", "subject", "body"), LURES, ids=[f"{c[0]}-{c[1]}" for c in LURES])
def test_lure_is_caught_as_mail(lang: str, kind: str, subject: str, body: str) -> None:
    analysis = analyse(_mail("Support <info@notice.example.net>", subject, body, UNALIGNED))
    assert analysis.verdict != "no_signs", (lang, kind, _rules(analysis))


@pytest.mark.parametrize(("lang", "kind", "subject", "body"),
                         [c for c in LURES if c[1] == "extortion"], ids=[c[0] for c in LURES if c[1] == "extortion"])
def test_extortion_with_a_wallet_is_named_in_every_language(lang: str, kind: str, subject: str, body: str) -> None:
    analysis = analyse(f"{subject}\n\n{body}".encode())
    assert "extortion" in {f.rule for f in analysis.findings}, (lang, _rules(analysis))


def test_a_wallet_written_straight_after_chinese_words_is_found() -> None:
    body = f"我已经入侵了你的设备，录下了你的视频。48小时内把1000美元的比特币转到钱包{BTC}否则发给你所有的联系人。"
    analysis = analyse(body.encode())
    assert "extortion" in {f.rule for f in analysis.findings}, _rules(analysis)


def test_a_fraud_warning_quoting_the_promise_is_not_a_lure() -> None:
    # the same promise as a lure's, named by a regulator's warning: the finding stays, low (no verdict alone)
    warning = "Будьте бдительны: вам обещают гарантированный доход и торговый робот — это признаки мошенничества."
    lure = "Вам обещают гарантированный доход: наш торговый робот работает круглосуточно. Оставьте заявку."
    found = {f.rule: f.severity for f in analyse(warning.encode()).findings}
    assert found.get("scam_lure") == "low", found
    assert analyse(lure.encode()).verdict != "no_signs"


def test_a_tron_wallet_counts_as_a_wallet() -> None:
    body = (f"I hacked your device and recorded you through your webcam. Send 900 USDT (TRC20) to {TRON} within 48 "
            "hours or the video goes to all your contacts.")
    analysis = analyse(body.encode())
    assert "extortion" in {f.rule for f in analysis.findings}, _rules(analysis)


@pytest.mark.parametrize(("lang", "topic", "domain", "subject", "body"), ORDINARY,
                         ids=[f"{c[0]}-{c[1]}" for c in ORDINARY])
def test_ordinary_mail_stays_clean(lang: str, topic: str, domain: str, subject: str, body: str) -> None:
    for data in (_mail(f"Info <info@{domain}>", subject, body, _aligned(domain)), f"{subject}\n\n{body}".encode()):
        analysis = analyse(data)
        assert analysis.verdict == "no_signs", (lang, topic, _rules(analysis))


@pytest.mark.parametrize(("written", "listed"), [
    ("Ваша учётная запись", "ваша учетная запись"),  # ё read as е
    ("HESABINIZ ASKIYA ALINMIŞTIR. KİMLİĞİNİZİ DOĞRULAYIN", "hesabınız askıya alınmıştır. kimliğinizi doğrulayın"),
    ("ＢＩＴＣＯＩＮ ｳｫﾚｯﾄ", "bitcoin ウォレット"),  # full-width letters, half-width kana
])
def test_the_normaliser_reads_other_scripts_as_the_phrase_tables_write_them(written: str, listed: str) -> None:
    from bot.analysis.brands import normalise

    assert normalise(written) == normalise(listed)


@pytest.mark.parametrize("text", [
    # Korean spaced otherwise than the table ("본인 인증을 완료")
    "회원님의 계정이 정지되었습니다. 본인인증을   완료하지 않으면 이용이 제한됩니다: https://example.net/kr",
    # Turkish in capitals, the dotted capital I included
    "HESABINIZ ASKIYA ALINMIŞTIR. KİMLİĞİNİZİ DOĞRULAYIN: https://example.net/tr",
    # traditional Chinese
    "您的帳戶已被凍結，請點擊以下連結驗證您的身份：https://example.net/tw",
])
def test_spacing_case_and_script_variants_still_match(text: str) -> None:
    assert analyse(text.encode()).verdict != "no_signs"


@pytest.mark.parametrize("text", [
    "Seu plano de armazenamento expira hoje. Se você não resolver, todos os seus dados serão excluídos, incluindo "
    "suas fotos e vídeos. Faça login para liberar espaço: https://example.net/cloud",
    "Je suis veuve et atteinte d'une grave maladie. Je souhaite faire don de 850 000 € à une personne honnête. "
    "Envoyez-moi vos coordonnées.",
    "Ihr Jahresabonnement wurde automatisch verlängert. Betrag: 349,99 EUR. Falls Sie diese Verlängerung nicht "
    "autorisiert haben, rufen Sie +49 30 23125 617 an, um sie zu stornieren.",
    "Uw abonnement is automatisch verlengd voor € 299,95. Niet akkoord? Bel onze klantenservice op 020 000 4417 om "
    "te annuleren.",
])
def test_the_gaps_of_the_western_languages_by_class(text: str) -> None:
    assert analyse(text.encode()).verdict != "no_signs"


def test_a_lottery_newsletter_naming_millions_is_no_advance_fee_lure() -> None:
    text = ("Die Gewinnzahlen vom Samstag: 3, 9, 17, 22. Im Topf liegen jetzt 14 Millionen Euro. Gewinne werden "
            "automatisch gutgeschrieben.")
    found = {f.rule: f.severity for f in analyse(text.encode()).findings}
    assert found.get("scam_lure") in (None, "low"), found
