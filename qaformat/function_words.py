"""The evidence `language` weighs: function words per language, and the scripts of the world.

Function words (articles, pronouns, prepositions, conjunctions, auxiliaries) are the most
frequent words of every language, a closed class that borrowing rarely touches, and in running
text a third or more of the words; a few dozen per language tell related languages apart
(Danish ``af``, ``mig``, ``hvad`` against Norwegian ``av``, ``meg``, ``hva``). The lists are
lower case, in Unicode NFC, and written by hand from the languages' grammars. Languages with a
script of their own (Greek, Hebrew, Thai, Korean, ...) need no words: the script says it. This
module is data only and imports nothing from qaformat.
"""

from __future__ import annotations

__all__ = ["FUNCTION_WORDS", "SCRIPT_LANGUAGE", "SCRIPT_RANGES", "SHARED_SCRIPT"]

FUNCTION_WORDS: dict[str, str] = {
    # Latin script
    "en": "the of and to a in is that it was for on are with as i his they be at have this from or had by but"
          " what we you not were there can an which their if do will would about how when so my me just really"
          " think know because been our your who she he them also very did has does don didn it's i'm that's",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus"
          " er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder"
          " aber vor zur bis mehr durch man ich wir wenn was doch schon ja kann habe dann sehr hier mir mich ihr"
          " uns weil gibt keine immer",
    "fr": "de la le et les des en un du une que est pour qui dans a par plus pas au sur ne se ce il sont ou avec"
          " son aux mais nous je vous on elle c l d qu j n cette été très aussi ça y comme tout bien leur ils"
          " faire moi quand parce toujours",
    "es": "de la que el en y a los se del las un por con no una su para es al lo como más pero sus le ya o fue"
          " este ha sí porque esta son entre cuando muy sin sobre también me hasta hay donde desde todo nos"
          " eso yo él ella qué usted estaba están estoy nosotros pues",
    "pt": "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à"
          " seu sua ou ser quando muito há nos já está eu também só pelo pela até isso ela entre era depois sem"
          " você então porque nós estão tinha",
    "it": "di e il la che a per un in è del non i una da le si con sono della al lo gli ma come anche più nel"
          " alla dei ci se questo mi ho cosa ha molto tutto quando perché io era o delle nella sul dal degli"
          " quello questa ancora stato essere c l dell all nell",
    "nl": "de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou"
          " of wat mijn dit zo door over ze zich bij ook tot je mij uit daar haar naar heb hoe heeft hebben"
          " deze u want nog zal me zij nu geen omdat iets worden toch al waren veel meer doen toen moet ben kan"
          " hun dus wij jullie heel",
    "pl": "i w nie na się z do to że jest o a jak co ale po tak za od jego ja by już jej czy tylko tym może przez"
          " są bo mnie ten ich będzie gdy była był tego też jednak go ma także dla we mi sobie jeszcze bardzo"
          " więc który która które kiedy gdzie można my wy oni tu tam",
    "tr": "ve bir bu da de için ile çok ne o ben sen biz daha gibi ama var yok olarak kadar sonra en mi mı her"
          " şey değil olan ki diye bunu şu çünkü nasıl neden zaman onun benim bana beni şimdi evet hayır yani"
          " tabii hem ise",
    "vi": "và của là có không một những được trong cho người này với các đã để như khi thì ra đó tôi chúng cũng"
          " nhưng từ về sẽ mà lại rất vì nào nhiều đến vậy gì bạn anh chị em ông bà đây",
    "id": "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga saya ke karena ada bisa kita kami"
          " mereka sudah atau seperti jadi tapi lebih oleh sebagai telah harus apa kalau saja sangat bahwa"
          " belum masih hanya banyak anda tersebut bagaimana kenapa mengapa sekarang",
    "sv": "och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så kan"
          " man när år hon under också efter eller nu sin där vid mot ska skulle kommer ut får finns vara hade"
          " alla andra mycket än här då sedan över bara vad hur dig mig honom henne oss ni dem vilket varit"
          " blir blev ju",
    "da": "og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi min"
          " havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil"
          " blev kunne ind når være noget ville jo deres efter ned skulle denne end dette mit også meget hvis så kan"
          " nogle mange bliver været jer sådan",
    "nb": "og i jeg det at en et den til er som på de med han av ikke der så var meg seg men har om vi min mitt"
          " ha hadde hun nå over da ved fra du ut sin dem oss opp man kan hans hvor eller hva skal selv her alle"
          " vil bli ble blitt kunne inn når være noen noe ville dere deres etter ned skulle denne deg mot å"
          " dette disse uten hvordan ingen bare enn fordi også slik vært hvorfor",
    "fi": "ja on ei se että oli hän mutta ovat kun niin myös joka tai kuin ole olla minä sinä me te he mitä tämä"
          " sen jo vain nyt sitten kanssa mukaan jos vielä paljon koska siitä sitä hyvin tässä siinä olen olemme"
          " minun meidän mikä miten missä",
    "cs": "a se na je že v to s z do o i jsem jako ale by k tak jsou jeho pro od po jak už co který která které"
          " když jen nebo však při jsme ještě také bylo byl byla mi mě být mezi velmi protože tady proto ten tím"
          " ve",
    "sk": "a sa na je že v to s z do o aj som ako ale by k tak sú jeho pre od po už čo ktorý ktorá ktoré keď len"
          " alebo však pri sme ešte tiež bolo bol bola mi ma byť medzi veľmi pretože tu preto ten tým vo",
    "hu": "a az és hogy nem is egy de meg van volt csak már még mint ha azt ez el ki mert sem kell lesz vagy"
          " nagyon én te mi ők itt ott úgy most ezt amit aki ami akkor majd pedig mindig sok jó minden",
    "ro": "și şi de la în a cu că pe nu un o din se este care mai pentru sunt ca sau am fost ce dar le lui al ei"
          " ne fi cum dacă acest această când foarte eu noi voi doar unde după până despre prin atunci",
    "ca": "el la de i que a en un els les es per amb no una del com més però va ha ja molt al això aquest aquesta"
          " quan perquè també són seu seva jo tot hi ho li hem fer era sóc aquí",
    # Cyrillic script
    "ru": "и в не на я что он с как а то это по но они к у же вы из за так от было мы для о все она бы был только"
          " если уже или ещё еще когда нет его её их мне меня очень есть там тоже чтобы может этот этого который"
          " которые",
    "uk": "і в у не на я що він з як а то це по але вони до же ви із за так від було ми для про все вона б був"
          " тільки якщо вже або ще коли ні його її їх мені мене дуже є там теж щоб може цей цього який які та й",
    "bg": "и в не на аз че той с като а то това по но те към у вие от за така беше ние да всичко тя би само ако"
          " вече или още когато няма го им ми много има там също е са ще се си който които тази този бе във със",
    # Arabic script
    "ar": "في من على إلى أن عن مع هذا هذه التي الذي كان لا ما هو هي لم قد كل بين ثم أو إن لكن عندما حيث كانت"
          " هل نحن أنا أنت هناك ذلك تلك بعد قبل حتى كما أيضا جدا",
    "fa": "و در به از که این را با است برای آن یک خود تا کرد بر هم نیز می شود ها های بود او ما من شد اما یا"
          " وی چه هست نیست همه کنم کند باید",
    "ur": "کے کی کا میں ہے اور سے کو نے پر یہ وہ ہیں تھا بھی ایک کہ نہیں جو ہو تو گیا کر تھی ہم آپ کیا اس ان",
    # Devanagari script
    "hi": "के है में की और से को का एक पर यह कि भी नहीं हैं ने तो था हो वह लिए कर इस जो कुछ मैं हम आप थे",
    "mr": "आणि आहे की या हे ते व मध्ये त्या होते नाही आहेत केले पण एक तर मी आम्ही तुम्ही हा ही होता साठी",
    "ne": "र को मा छ हो पनि भएको गर्न लागि यो त्यो छन् थियो गरेको म हामी तपाईं नै भने कि तर एक",
}
"""Language tag (BCP 47) -> its function words, space-separated."""

SHARED_SCRIPT: dict[str, tuple[str, ...]] = {
    "Latn": ("en", "de", "fr", "es", "pt", "it", "nl", "pl", "tr", "vi", "id", "sv", "da", "nb", "fi", "cs", "sk",
             "hu", "ro", "ca"),
    "Cyrl": ("ru", "uk", "bg"),
    "Arab": ("ar", "fa", "ur"),
    "Deva": ("hi", "mr", "ne"),
}
"""Scripts written by several languages (ISO 15924 code -> the languages told apart by words)."""

SCRIPT_LANGUAGE: dict[str, str] = {
    "Grek": "el", "Armn": "hy", "Hebr": "he", "Beng": "bn", "Guru": "pa", "Gujr": "gu", "Orya": "or",
    "Taml": "ta", "Telu": "te", "Knda": "kn", "Mlym": "ml", "Sinh": "si", "Thai": "th", "Laoo": "lo",
    "Tibt": "bo", "Mymr": "my", "Geor": "ka", "Hang": "ko", "Ethi": "am", "Khmr": "km",
    "Hani": "zh", "Kana": "ja",
}
"""Scripts that name their language (Han is Chinese unless kana are mixed in: then Japanese)."""

SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0370, 0x03FF, "Grek"), (0x0400, 0x052F, "Cyrl"), (0x0530, 0x058F, "Armn"), (0x0591, 0x05F4, "Hebr"),
    (0x0610, 0x061A, "Arab"), (0x0620, 0x065F, "Arab"), (0x066E, 0x06D3, "Arab"), (0x06D5, 0x06EF, "Arab"),
    (0x06FA, 0x06FF, "Arab"), (0x0750, 0x077F, "Arab"),
    (0x08A0, 0x08FF, "Arab"), (0x0900, 0x0963, "Deva"), (0x0971, 0x097F, "Deva"), (0x0980, 0x09E3, "Beng"),
    (0x09F0, 0x09FE, "Beng"), (0x0A00, 0x0A7F, "Guru"), (0x0A80, 0x0AFF, "Gujr"), (0x0B00, 0x0B7F, "Orya"),
    (0x0B80, 0x0BFF, "Taml"), (0x0C00, 0x0C7F, "Telu"), (0x0C80, 0x0CFF, "Knda"), (0x0D00, 0x0D7F, "Mlym"),
    (0x0D80, 0x0DFF, "Sinh"), (0x0E01, 0x0E4E, "Thai"), (0x0E80, 0x0EFF, "Laoo"), (0x0F00, 0x0FFF, "Tibt"),
    (0x1000, 0x109F, "Mymr"), (0x10A0, 0x10FF, "Geor"), (0x1100, 0x11FF, "Hang"), (0x1200, 0x139F, "Ethi"),
    (0x1780, 0x17FF, "Khmr"), (0x1C80, 0x1C8F, "Cyrl"), (0x1C90, 0x1CBF, "Geor"), (0x1F00, 0x1FFF, "Grek"),
    (0x2DE0, 0x2DFF, "Cyrl"), (0x3041, 0x309F, "Kana"), (0x30A0, 0x30FF, "Kana"), (0x3130, 0x318F, "Hang"),
    (0x31F0, 0x31FF, "Kana"), (0x3400, 0x4DBF, "Hani"), (0x4E00, 0x9FFF, "Hani"), (0xA640, 0xA69F, "Cyrl"),
    (0xAC00, 0xD7AF, "Hang"), (0xF900, 0xFAFF, "Hani"), (0xFB1D, 0xFB4F, "Hebr"), (0xFB50, 0xFDFF, "Arab"),
    (0xFE70, 0xFEFC, "Arab"), (0xFF66, 0xFF9F, "Kana"),
)
"""(first, last, ISO 15924 code) for the letters of every script but Latin, in code point order."""
