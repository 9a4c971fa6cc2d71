"""The language guess: one interview answer per language, short quotes, mixed scripts, sums."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qaformat.language import (
    KNOWN_LANGUAGES,
    Evidence,
    evidence,
    guess_language,
    guess_language_of,
    primary_subtag,
    right_to_left_language,
    script_kind,
)

# One answer as an interviewee might give it, in each language (written for these tests).
ANSWERS = {
    "en": "I think the hardest part was the first winter, because we had no idea what we were doing and the"
          " boat only came twice a month.",
    "de": "Ich glaube, das Schwierigste war der erste Winter, weil wir keine Ahnung hatten, was wir tun sollten,"
          " und das Boot nur zweimal im Monat kam.",
    "fr": "Je pense que le plus difficile a été le premier hiver, parce que nous ne savions pas du tout ce que"
          " nous faisions et le bateau ne venait que deux fois par mois.",
    "es": "Creo que lo más difícil fue el primer invierno, porque no teníamos ni idea de lo que estábamos"
          " haciendo y el barco solo venía dos veces al mes.",
    "pt": "Acho que o mais difícil foi o primeiro inverno, porque não tínhamos ideia do que estávamos a fazer e"
          " o barco só vinha duas vezes por mês.",
    "it": "Penso che la cosa più difficile sia stato il primo inverno, perché non avevamo idea di quello che"
          " stavamo facendo e la barca arrivava solo due volte al mese.",
    "nl": "Ik denk dat de eerste winter het moeilijkste was, omdat we geen idee hadden wat we aan het doen waren"
          " en de boot maar twee keer per maand kwam.",
    "pl": "Myślę, że najtrudniejsza była pierwsza zima, bo nie mieliśmy pojęcia, co robimy, a łódź przypływała"
          " tylko dwa razy w miesiącu.",
    "tr": "Bence en zor kısım ilk kıştı, çünkü ne yaptığımız hakkında hiçbir fikrimiz yoktu ve tekne ayda"
          " sadece iki kez geliyordu. Bu yüzden her şey çok zordu ama biz yine de kaldık.",
    "vi": "Tôi nghĩ phần khó nhất là mùa đông đầu tiên, vì chúng tôi không biết mình đang làm gì và con thuyền"
          " chỉ đến hai lần một tháng.",
    "id": "Saya pikir bagian yang paling sulit adalah musim dingin pertama, karena kami tidak tahu apa yang"
          " kami lakukan dan kapal itu hanya datang dua kali sebulan.",
    "sv": "Jag tror att det svåraste var den första vintern, eftersom vi inte hade någon aning om vad vi höll på"
          " med och båten bara kom två gånger i månaden.",
    "da": "Jeg tror, at det sværeste var den første vinter, fordi vi ikke havde nogen anelse om, hvad vi lavede,"
          " og båden kun kom to gange om måneden. Det var hårdt for mig.",
    "nb": "Jeg tror det vanskeligste var den første vinteren, fordi vi ikke hadde noen anelse om hva vi drev med,"
          " og båten bare kom to ganger i måneden. Det var tungt for meg.",
    "fi": "Luulen, että vaikein osa oli ensimmäinen talvi, koska meillä ei ollut mitään käsitystä siitä, mitä"
          " teimme, ja vene tuli vain kaksi kertaa kuukaudessa.",
    "cs": "Myslím, že nejtěžší byla první zima, protože jsme neměli ponětí, co děláme, a loď připlouvala jen"
          " dvakrát za měsíc. Bylo to pro nás velmi těžké.",
    "sk": "Myslím, že najťažšia bola prvá zima, pretože sme nemali potuchy, čo robíme, a loď prichádzala len"
          " dvakrát za mesiac. Bolo to pre nás veľmi ťažké.",
    "hu": "Szerintem a legnehezebb az első tél volt, mert fogalmunk sem volt, hogy mit csinálunk, és a hajó csak"
          " kétszer jött egy hónapban.",
    "ro": "Cred că cel mai greu a fost prima iarnă, pentru că nu aveam nicio idee ce facem, iar barca venea"
          " doar de două ori pe lună.",
    "ca": "Crec que el més difícil va ser el primer hivern, perquè no teníem ni idea del que fèiem i el vaixell"
          " només venia dues vegades al mes.",
    "ru": "Я думаю, что самой трудной была первая зима, потому что мы понятия не имели, что делаем, а лодка"
          " приходила только два раза в месяц.",
    "uk": "Я думаю, що найважчою була перша зима, бо ми не мали жодного уявлення, що робимо, а човен приходив"
          " лише двічі на місяць.",
    "bg": "Мисля, че най-трудна беше първата зима, защото нямахме представа какво правим, а лодката идваше"
          " само два пъти в месеца.",
    "ar": "أعتقد أن أصعب ما في الأمر كان الشتاء الأول، لأننا لم نكن نعرف ما الذي نفعله، وكان القارب يأتي"
          " مرتين فقط في الشهر.",
    "fa": "فکر می‌کنم سخت‌ترین بخش زمستان اول بود، چون ما هیچ تصوری از کاری که می‌کردیم نداشتیم و قایق فقط"
          " دو بار در ماه می‌آمد.",
    "ur": "میرا خیال ہے کہ سب سے مشکل پہلی سردی تھی، کیونکہ ہمیں کچھ اندازہ نہیں تھا کہ ہم کیا کر رہے ہیں اور"
          " کشتی مہینے میں صرف دو بار آتی تھی۔",
    "hi": "मुझे लगता है कि सबसे कठिन पहली सर्दी थी, क्योंकि हमें कुछ पता नहीं था कि हम क्या कर रहे हैं और"
          " नाव महीने में केवल दो बार आती थी।",
    "el": "Νομίζω ότι το πιο δύσκολο ήταν ο πρώτος χειμώνας, γιατί δεν είχαμε ιδέα τι κάναμε και το σκάφος"
          " ερχόταν μόνο δύο φορές τον μήνα.",
    "he": "אני חושב שהחלק הקשה ביותר היה החורף הראשון, כי לא היה לנו מושג מה אנחנו עושים והסירה הגיעה רק"
          " פעמיים בחודש.",
    "zh": "我觉得最难的是第一个冬天，因为我们完全不知道自己在做什么，而船每个月只来两次。",
    "ja": "一番大変だったのは最初の冬だと思います。自分たちが何をしているのか全く分からなかったし、船は月に"
          "二回しか来なかったからです。",
    "ko": "가장 힘들었던 건 첫 겨울이었던 것 같아요. 우리가 뭘 하고 있는지 전혀 몰랐고 배는 한 달에 두 번만"
          " 왔거든요.",
    "th": "ผมคิดว่าส่วนที่ยากที่สุดคือฤดูหนาวแรก เพราะเราไม่รู้เลยว่ากำลังทำอะไรอยู่ และเรือมาแค่เดือนละสองครั้ง",
    "bn": "আমার মনে হয় সবচেয়ে কঠিন ছিল প্রথম শীত, কারণ আমরা কী করছি সে সম্পর্কে আমাদের কোনো ধারণা ছিল না।",
}


def test_at_least_twenty_languages_are_known() -> None:
    assert len(KNOWN_LANGUAGES) >= 20 and set(ANSWERS) <= KNOWN_LANGUAGES


@pytest.mark.parametrize("tag", sorted(ANSWERS))
def test_one_answer_is_enough(tag: str) -> None:
    guess = guess_language(ANSWERS[tag])
    assert guess is not None and guess.tag == tag, guess
    assert guess.confidence >= 0.5, guess


@pytest.mark.parametrize("tag", sorted(ANSWERS))
def test_a_whole_interview_is_certain(tag: str) -> None:
    guess = guess_language(" ".join([ANSWERS[tag]] * 4))
    assert guess is not None and guess.tag == tag and guess.confidence >= 0.9, guess


@pytest.mark.parametrize("text", [
    "",
    "12:30 — 14:45 / 2024",
    "Okay.",  # one word is no evidence of a shared script's language
    "Ndiyo, tulikuwa tunajua hilo tangu mwanzo.",  # Swahili: not a known language
])
def test_no_evidence_no_confident_guess(text: str) -> None:
    guess = guess_language(text)
    assert guess is None or guess.confidence < 0.5, guess


def test_a_short_quote_is_not_confident() -> None:
    guess = guess_language("Je ne regrette rien.")
    assert guess is not None and guess.tag == "fr" and guess.confidence < 0.9


def test_the_majority_script_decides() -> None:
    mixed = "We say مرحبا when we meet, and the reply is أهلا وسهلا; it is the first thing you learn here."
    assert guess_language(mixed).tag == "en"  # type: ignore[union-attr]
    assert guess_language("Le mot grec φιλοσοφία veut dire l'amour de la sagesse, et on le dit encore.").tag == "fr"  # type: ignore[union-attr]


def test_kana_make_japanese_and_han_alone_chinese() -> None:
    assert guess_language("東京大学図書館").tag == "zh"  # type: ignore[union-attr]
    assert guess_language("東京大学の図書館です").tag == "ja"  # type: ignore[union-attr]


def test_decomposed_accents_read_like_composed() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", ANSWERS["vi"])
    assert guess_language(text) == guess_language(ANSWERS["vi"])


def test_evidence_adds_up() -> None:
    parts = [ANSWERS["de"], ANSWERS["de"], "Ja."]
    total = sum((evidence(p) for p in parts), Evidence())
    assert total == evidence(" ".join(parts))
    assert total.guess() == guess_language(" ".join(parts))


@pytest.mark.parametrize("paragraphs", [
    [ANSWERS["en"], ANSWERS["de"], "Ja.", "Okay, thanks."],
    [ANSWERS["pt"], ANSWERS["es"], ANSWERS["pt"]],
    # A paragraph whose only word starts with a digit: its Han letters count, its Latin none
    # (weighed as one text with the English, the Han would be taken off the Latin count).
    [ANSWERS["en"][:40], "3月の東京大学図書館で会いました"],
    [ANSWERS["en"], "2024年5月3日、東京で。", ANSWERS["en"][:40]],
    [ANSWERS["ru"], ANSWERS["en"], ANSWERS["ja"], ANSWERS["el"]],
    ["12:30", "Okay."],
])
def test_a_documents_guess_is_what_its_paragraphs_add_up_to(paragraphs: list[str]) -> None:
    assert guess_language_of(paragraphs) == sum(map(evidence, paragraphs), Evidence()).guess()


# Letters of several scripts, digits, the punctuation words carry, apostrophes and spaces.
_MIXED = st.text(alphabet=st.sampled_from(list("ab Zé3'’.,«»—。、،٣月東の日яЖβ \u0301")), max_size=30)


@given(st.lists(_MIXED, max_size=5))
def test_evidence_of_paragraphs_adds_up_to_that_of_the_joined_text(paragraphs: list[str]) -> None:
    assert evidence("\n".join(paragraphs)) == sum(map(evidence, paragraphs), Evidence())


def test_tags() -> None:
    assert primary_subtag("pt-BR") == "pt" and primary_subtag("zh_Hant") == "zh" and primary_subtag("DE") == "de"
    assert right_to_left_language("ar-EG") and right_to_left_language("he") and not right_to_left_language("en")
    assert [script_kind(t) for t in ("ja", "fa-IR", "de")] == ["east-asian", "complex", "latin"]
