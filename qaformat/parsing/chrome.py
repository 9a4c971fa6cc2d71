"""Page chrome: the titles of the boxes a news or magazine page sets around an article.

A scraped page, a page saved as Markdown or a CMS export carries, after the interview or in the
middle of it, boxes with a title of their own: ``Comments (34)``, ``Most read``, ``Related``,
``Sign up to our newsletter``, ``Mehr zum Thema``, ``Te puede interesar``. Such a title is the
whole line (a sentence that mentions comments is not one), in the languages interviews are
published in. `chrome_title` says what a box is by its title; the layout stage leaves the box
out. Imports only the pattern helper.
"""

from __future__ import annotations

from qaformat.patterns import lazy

__all__ = ["chrome_title"]

_MAX_TITLE = 80
# A count or an arrow a page puts beside a title ("Comments (34)", "Most read ›", "34 comments").
_DECORATION = lazy(r"^[\d\s]+|\s*(?:\(\d+\)|\[\d+\]|\d+)?\s*[:›»>→|•·-]*\s*$")
_TITLES = (
    ("comments", lazy(
        r"(?i)(?:reader |your )?(?:comments?|comentarios|comentários|kommentare|commentaires|commenti|reacties)"
        r"|(?:leave|post|add|write) a (?:comment|reply)"
        r"|join the (?:conversation|discussion)|comments are (?:closed|open)\b.*"
        r"|(?:thoughts|responses) (?:on|to) .{1,80}"
        r"|deja (?:un|tu) comentario|(?:laisser|ajouter) un commentaire|lascia un commento|deixe (?:um|seu) comentário"
    )),
    ("links to other articles", lazy(
        r"(?i)most (?:read|popular|viewed|shared|commented|emailed)(?: (?:stories|articles|today|this week|now))?"
        r"|related(?: (?:articles?|stories|posts|content|coverage|reading|links|topics|news|videos?))?"
        r"|read (?:more|next|also)|more (?:on this (?:topic|story|subject)|stories|to read|to explore)"
        r"|recommended(?: for you| reading| stories| articles)?|(?:you|we think you) (?:may|might|will) (?:also )?"
        r"(?:like|enjoy)|also read|see also|further reading|trending(?: now| stories)?|popular (?:now|posts|stories)"
        r"|editor[’']?s picks|don[’']t miss|"
        # Spanish, German, French, Italian, Portuguese, Dutch
        r"(?:también )?(?:te|le) puede(?:n)? interesar|lee también|noticias relacionadas|más noticias|más información"
        r"|lo más (?:leído|visto)|más leídas?"
        r"|mehr zum thema|mehr dazu|lesen sie (?:auch|mehr)|das könnte sie auch interessieren|meistgelesen|weitere artikel"
        r"|(?:à|a) lire (?:aussi|également)|lire aussi|sur le même sujet|les plus lus|voir aussi|nos articles"
        r"|leggi anche|potrebbe interessarti|i più letti|articoli correlati"
        r"|leia (?:também|mais)|veja também|saiba mais|mais lidas|notícias relacionadas"
        r"|lees ook|meest gelezen"
    )),
    ("newsletter sign-up", lazy(
        r"(?i)(?:sign up|subscribe)(?: (?:to|for|now)\b.{0,60})?|(?:get|receive) .{1,40} (?:in|to) your inbox"
        r"|(?:our |free )?newsletters?|suscr[ií]bete.{0,60}|newsletter abonnieren|abonnez-vous.{0,60}"
        r"|inscrivez-vous.{0,60}|iscriviti.{0,60}|assine (?:a|nossa) newsletter.{0,40}"
    )),
    ("paywall", lazy(
        r"(?i)(?:(?:subscribe|log ?in|sign in) to )?(?:continue|keep) reading(?: (?:with|on) .{1,30})?"
        r"|(?:already|schon|déjà|ya eres|sei già|já é) (?:a |an )?(?:subscriber|abonnent(?:in)?|abonné(?:e)?|suscriptor(?:a)?"
        r"|abbonato|assinante)\??(?: .{1,40})?"
        r"|this (?:article|story|content) is (?:only )?(?:for|available to) (?:subscribers|members)(?: only)?"
        r"|(?:jetzt )?weiterlesen mit .{1,30}|lesen sie (?:jetzt )?weiter mit .{1,30}|continuer (?:à|a) lire.{0,30}"
        r"|sigue leyendo.{0,30}|continua a leggere.{0,30}|continue lendo.{0,30}"
    )),
    ("share buttons", lazy(
        r"(?i)share(?: this(?: article| story| page| interview)?)?(?: on .{1,30})?|compartir|compartilhe|teilen"
        r"|partager|condividi"
    )),
)


def chrome_title(text: str) -> str:
    """What box of the page a line is the title of (``comments``, ``links to other articles``,
    ``newsletter sign-up``, ``paywall``, ``share buttons``), or ``""``."""
    if len(text) > _MAX_TITLE:
        return ""
    title = _DECORATION.sub("", text.strip()).strip()
    if not title:
        return ""
    for reason, pattern in _TITLES:
        if pattern.fullmatch(title):
            return reason
    return ""
