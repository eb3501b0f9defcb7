"""The word tables of titles and duties, English and German: data, read by :mod:`.titles`.

Titles are written as people write them; :mod:`.titles` takes each apart into
the words below (``Vertriebsleiter`` is ``vertrieb`` + ``leiter``), so a title
matches however it is spelled, compounded or hyphenated. Every word is
written lower-case with umlauts spelled out (``ae``, ``oe``, ``ue``, ``ss``).

Duties are key phrases: a phrase matches a line of a job description when
every one of its terms occurs in it. A term is a regular expression over the
line's words (lower-case, umlauts spelled out, hyphens as spaces) that must
start a word, or may start inside one (a German compound) when it begins with
``*``; a ``$`` ends a word.
"""

from __future__ import annotations

import re
from typing import Final

from salesroles._model.enums import Responsibility, Role

__all__ = [
    "ALTERNATIVES",
    "COMPOUNDING",
    "DUTY_PHRASES",
    "INTRODUCERS",
    "LINKING_S",
    "MODIFIERS",
    "NEGATIONS",
    "NEVER_SET_ASIDE",
    "PERSON_NOUNS",
    "SPELLINGS",
    "TITLES",
    "pattern",
]


def pattern(term: str) -> re.Pattern[str]:
    """Compile a term of the tables below: each choice (``a|b``) starts a word unless led by ``*``.

    >>> term = pattern("*akquise$|win$")
    >>> [bool(term.search(text)) for text in ("neukundenakquise", "win new", "twin", "winner")]
    [True, True, False, False]
    """
    choices, depth, start = [], 0, 0
    for i, char in enumerate(f"{term}|"):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and not depth:
            choices.append(term[start:i])
            start = i + 1
    return re.compile(
        "|".join(
            ("" if c.startswith("*") else "(?<![a-z0-9])")
            + f"(?:{c.removeprefix('*').replace('$', '(?![a-z0-9])')})"
            for c in choices
        )
    )


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# -- the words of titles --

# Words that may be parts of a compound ("Vertriebsaussendienstmitarbeiter", "KeyAccountManager").
_COMPOUNDING_WORDS: Final = _words(
    "vertrieb verkauf aussendienst innendienst mitarbeiter sachbearbeiter leiter leitung"
    " kunden grosskunden betreuer berater konto verkaeufer koordinator administrator"
    " auftragsabwicklung auftragsbearbeitung referent vertreter handel direktor team"
    " spezialist fachkraft kaufmann gebiet bezirk bereich regional region"
    " sales account key manager executive representative rep field inside business"
    " development coordinator client customer marketing online digital performance product"
    " content head director specialist support strategic major officer chief vice president"
)
# Words that count only as a whole word: abbreviations, "of", seniority, levels, regions …
_WHOLE_WORDS: Final = _words("of vp kam ae sdr bdr bdm isr cmo")

#: Other spellings of a word: spelling -> the word.
_VARIANTS: Final = {
    "produkt": "product",
    "mitarbeitende": "mitarbeiter",
    "mitarbeitender": "mitarbeiter",
    "kauffrau": "kaufmann",
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
    "jun": "junior",
    "representant": "representative",
    "oesterreich": "austria",
    "deutschland": "germany",
    "europa": "europe",
}

#: What a word says beside the role, set aside when a title is read (S0.2: they do not change
#: the role): seniority, level, region, industry or product line, and two kinds that qualify a
#: title but alone name no role: ``department`` (Sales, Vertrieb) and ``staff`` (Mitarbeiter).
MODIFIERS: Final[dict[str, str]] = {
    **dict.fromkeys(_words("senior junior lead principal associate"), "seniority"),
    **dict.fromkeys(_words("i ii iii iv v"), "level"),
    **dict.fromkeys(
        _words(
            "dach emea apac amer americas latam nordics benelux cee mea eu europe germany austria"
            " switzerland schweiz uk us usa france frankreich italy italien spain spanien poland"
            " polen nord sued ost west nordost nordwest suedost suedwest mitte north south east"
            " central northern southern eastern western international national global worldwide"
            " weltweit regional region area gebiet bezirk bereich territory district inland"
            " export overseas america amerika asia asien africa afrika bayern nrw hessen sachsen"
            " niedersachsen baden wuerttemberg berlin hamburg muenchen koeln frankfurt stuttgart"
            " duesseldorf"
        ),
        "region",
    ),
    **dict.fromkeys(
        _words(
            "automotive automobil automobilindustrie pharma healthcare medical medtech"
            " medizintechnik retail einzelhandel lebensmitteleinzelhandel lebensmittelhandel"
            " grosshandel fachhandel leh fmcg food"
            " lebensmittel chemie chemicals chemical energy energie it saas cloud telco"
            " telekommunikation telecommunications finance financial banking banken insurance"
            " versicherung versicherungen logistik logistics industrie industry industrial"
            " maschinenbau manufacturing construction bau public sector sektor government defence"
            " defense aerospace luftfahrt agrar agriculture textil fashion consumer b2b b2c"
            " enterprise smb sme kmu mittelstand corporate commercial midmarket mid market"
            " hydraulik pumpen packaging verpackung elektronik electronics elektrotechnik oem"
            " hospitality hotellerie gastronomie"
        ),
        "industry",
    ),
    **dict.fromkeys(_words("sales vertrieb verkauf"), "department"),
    **dict.fromkeys(_words("mitarbeiter sachbearbeiter spezialist specialist fachkraft"), "staff"),
    "kaufmann": "staff",
}

#: Every spelling a title word may have: spelling -> the word.
SPELLINGS: Final[dict[str, str]] = {
    **{word: word for word in (*_COMPOUNDING_WORDS, *_WHOLE_WORDS, *MODIFIERS)},
    **_VARIANTS,
}
#: The words that may stand inside a compound; every other word only stands alone.
COMPOUNDING: Final = frozenset((*_COMPOUNDING_WORDS, "product"))
#: The words that take a linking "s" in a compound ("Vertriebsleiter", "Gebietsverkaufsleiter").
LINKING_S: Final = frozenset(_words("vertrieb verkauf gebiet bezirk bereich handel region"))
#: The German person nouns whose feminine form ends in -in ("Leiterin", "Key-Account-Managerin").
PERSON_NOUNS: Final = frozenset(
    _words(
        "mitarbeiter sachbearbeiter leiter betreuer berater verkaeufer koordinator administrator"
        " referent vertreter direktor spezialist manager"
    )
)

#: The titles of each role, the domain page's roles and titles first. The first title of
#: each spelling is the one a match reports.
TITLES: Final[dict[Role, tuple[str, ...]]] = {
    Role.ACCOUNT_MANAGER: (
        "Account Manager",
        "Key Account Manager",
        "Client Account Manager",
        "Customer Account Manager",
        "Kontomanager",
        "Kundenbetreuer",
        "Kundenberater",
        "KAM",
        "Strategic Account Manager",
        "Major Account Manager",
        "Großkundenbetreuer",
    ),
    Role.SALES_REP: (
        "Sales Representative",
        "Sales Rep",
        "Field Sales Representative",
        "Field Sales Rep",
        "Vertriebsmitarbeiter",
        "Außendienstmitarbeiter",
        "Verkäufer",
        "Account Executive",
        "AE",
        "Sales Executive",
        "Inside Sales Representative",
        "Inside Sales Rep",
        "ISR",
        "Inside Sales",
        "Field Sales",
        "Business Development Manager",
        "Business Development Representative",
        "Business Development Rep",
        "BDM",
        "BDR",
        "Sales Development Representative",
        "Sales Development Rep",
        "SDR",
        "Außendienst",
        "Vertriebsaußendienst",
        "Verkaufsaußendienst",
        "Mitarbeiter Vertrieb",
        "Mitarbeiter Verkauf",
        "Handelsvertreter",
        "Außendienstvertreter",
    ),
    Role.SALES_MANAGER: (
        "Sales Manager",
        "Vertriebsmanager",
        "Vertriebsleiter",
        "Head of Sales",
        "Leiter Vertrieb",
        "Regional Sales Manager",
        "Area Sales Manager",
        "Gebietsverkaufsleiter",
        "Verkaufsleiter",
        "Vertriebsdirektor",
        "Chief Sales Officer",
        "Sales Team Lead",
        "Team Lead Sales",
        *(
            f"{head} {department}"
            for department in ("Vertrieb", "Verkauf", "Außendienst", "Vertriebsaußendienst")
            for head in ("Leiter", "Leitung", "Teamleiter")
        ),
        *(
            f"{department}{head}"
            for department in ("Vertriebs", "Verkaufs", "Außendienst", "Vertriebsaußendienst")
            for head in ("leiter", "leitung")
        ),
        "Vertriebsleiter Außendienst",
        "Verkaufsleiter Außendienst",
        *(
            title
            for department in ("Sales", "Field Sales", "Inside Sales")
            for title in (
                f"Head of {department}",
                f"{department} Director",
                f"Director of {department}",
                f"Director {department}",
                f"VP {department}",
                f"VP of {department}",
                f"Vice President {department}",
                f"Vice President of {department}",
            )
        ),
    ),
    Role.SALES_COORDINATOR: (
        "Sales Coordinator",
        "Sales Administrator",
        "Vertriebskoordinator",
        "Vertriebsinnendienst",
        "Verkaufsinnendienst",
        "Innendienst",
        "Sachbearbeiter Vertrieb",
        "Sachbearbeiter Verkauf",
        "Vertriebssachbearbeiter",
        "Sachbearbeiter Auftragsabwicklung",
        "Sachbearbeiter Vertriebsinnendienst",
        "Auftragsabwicklung",
        "Auftragsbearbeitung",
        "Sales Support",
    ),
    Role.MARKETING: (
        "Marketing",
        "Marketing Manager",
        "Online-Marketing-Manager",
        *(
            title
            for kind in ("Online", "Digital", "Performance", "Product", "Content")
            for title in (f"{kind} Marketing", f"{kind} Marketing Manager")
        ),
        "Marketingmanager",
        "Marketing Coordinator",
        "Marketingkoordinator",
        "Marketing Executive",
        "Marketingreferent",
        "Referent Marketing",
        "Marketing Director",
        "Head of Marketing",
        "Leiter Marketing",
        "Leitung Marketing",
        "Marketingleiter",
        "Marketingleitung",
        "Chief Marketing Officer",
        "CMO",
    ),
}

#: Words after which the rest of a title is a qualifier ("Key Account Manager für Pharma").
INTRODUCERS: Final = _words("für fuer for im in bei at")
#: Words that join two titles into one ("Sales Representative and Account Manager").
ALTERNATIVES: Final = _words("und and oder or bzw")
#: Terms (as below) of words never set aside as a qualifier: they change the job ("- Assistenz").
NEVER_SET_ASIDE: Final = _words(
    "assist praktik intern$ internship werkstudent working trainee azubi auszubild ausbildung"
    " apprentice volontaer dual"
)

# -- the phrases of duties --

_EN, _DE = "en", "de"
# Nouns shared by several duties.
_LEADS = "leads?$"
_TARGETS = "targets?$|quotas?$|goals?$"
_ZIELE = "*ziele?n?$"
_CUSTOMERS = "customers?$|clients?$|accounts?$|prospects?$|sites?$"

#: Each responsibility (docs/domain.md) with its key phrases in English and German, in the
#: article's vocabulary: a phrase is a tuple of terms that must all occur in a line.
DUTY_PHRASES: Final[dict[Responsibility, dict[str, tuple[tuple[str, ...], ...]]]] = {
    Responsibility.PROSPECTING: {
        _EN: (
            ("prospect",),
            ("cold ?call",),
            ("new business",),
            (
                "acquir|win|find|gain|attract|generat|develop|hunt|open|sign",
                "new (customers?|clients?|business|logos?|accounts?)$",
            ),
        ),
        _DE: (
            ("*neukund", "*akquis|*gewinn|such|erschliess|ansprech|ansprach"),
            ("*akquise$",),
            ("akquirier",),
            ("neue[nr]? kunden", "gewinn|akquir|such"),
            ("*neugeschaeft",),
            ("neue[nr]? maerkte", "erschliess"),
        ),
    },
    Responsibility.FOLLOW_UP_LEADS: {
        _EN: (
            ("follow", _LEADS),
            ("qualif|convert|nurtur", _LEADS),
            ("inbound ?leads?$",),
            ("follow", _LEADS, "generat"),
        ),
        _DE: (
            (_LEADS, "*nachverfolg|*nachfass|qualifizier|bearbeit|nachgeh"),
            ("*leadqualifizier|*leadbearbeit|*leadnachverfolg",),
            ("interessent", "*nachfass|*nachverfolg|kontaktier"),
            ("nachverfolg", "generier", _LEADS),
        ),
    },
    Responsibility.CLOSE_DEALS: {
        _EN: (
            ("deals?$", "clos(e|es|ing)$|negotiat|win$|won$"),
            ("clos(e|es|ing)$", "sales?$|contracts?$|business$|opportunit"),
            ("negotiat", "offers?$|quotes?$|proposals?$"),
        ),
        _DE: (
            ("*(vertrags|verkaufs|geschaefts)abschl",),
            (
                "abschl(uss|uesse|iessen)",
                "verhandl|vertrag|vertraeg|auftr|deals?$|verkauf|angebot",
            ),
            ("deals?$", "abschl|schliess|verhandl|gewinn"),
            ("*verkaufsverhandl|*verkaufsgespraech",),
            ("angebot", "nachfass|verhandl"),
        ),
    },
    Responsibility.WIDEN_PRODUCT_RANGE: {
        _EN: (
            ("cross ?sell",),
            ("up ?sell",),
            ("broader|wider|additional|more", "products?$|range$|portfolio$"),
            ("expand|broaden|widen|extend|grow", "product (range|portfolio|line)"),
            ("share of wallet",),
        ),
        _DE: (
            ("*cross ?selling",),
            ("*up ?selling",),
            (
                "*sortiment|*produktpalette|*produktportfolio",
                "*erweiter|*ausbau|*ausweit|breiter|zusaetzlich",
            ),
            ("zusaetzlich|weitere", "produkt"),
        ),
    },
    Responsibility.MEET_SALES_TARGET: {
        _EN: (
            ("achiev|meet|exceed|hit|reach|deliver|attain", _TARGETS),
            ("quota",),
            ("achiev|meet|exceed|hit|reach", _TARGETS, "set (by|for)$"),
        ),
        _DE: (
            (_ZIELE, "erreich|erfuell|uebertreff|uebererfuell"),
            ("*zielerreich",),
            ("erreich|erfuell", "vorgab|vorgegeb", _ZIELE),
        ),
    },
    Responsibility.SET_SALES_TARGETS: {
        _EN: (
            ("set$|define|assign|allocat|establish|agree", _TARGETS),
            ("(target|quota) ?setting",),
        ),
        _DE: (
            (_ZIELE, "vorgeb|vorgab|vorgegeb|festleg|festsetz|setzen$|definier|vereinbar"),
            ("*zielvorgab|*zielvereinbar",),
        ),
    },
    Responsibility.MANAGE_KEY_ACCOUNTS: {
        _EN: (
            (
                "key ?accounts?$",
                "manag|grow|develop|maintain|retain|look after|serv|own|handl|responsib|nurtur",
            ),
            ("key ?account ?management",),
            ("strategic (accounts|customers|clients)", "manag|grow|develop|serv|look after"),
        ),
        _DE: (
            (
                "*schluesselkund|key ?accounts?$|*grosskund",
                "*betreu|*ausbau|*entwickl|*pfleg|*verantwort|*manag|halten",
            ),
            ("*key ?account ?betreu",),
        ),
    },
    Responsibility.DEFEND_AGAINST_COMPETITORS: {
        _EN: (
            ("loyalty",),
            ("retention",),
            ("churn",),
            ("competit", "defend|protect|fend|counter|ward|against|threat|attack"),
        ),
        _DE: (
            ("*kundenbindung",),
            ("*loyalitaet",),
            ("kunden", "binden$"),
            ("*wettbewerb", "*abwehr|*abzuwehr|*schuetz|*verteidig|*angriff|*behaupt"),
        ),
    },
    Responsibility.OWN_ACCOUNT_PROFITABILITY: {
        _EN: (
            ("profitab",),
            ("margins?$",),
            ("revenue and profit",),
        ),
        _DE: (
            ("*rentabilitaet",),
            ("*profitabilitaet",),
            ("*deckungsbeitr",),
            ("marge$|margen$",),
            ("*ergebnisverantwort",),
        ),
    },
    Responsibility.WRITE_ACCOUNT_PLAN: {
        _EN: (
            ("*account ?plan",),
            ("strategic", "plans?$|planning$"),
        ),
        _DE: (
            ("*account ?pl(an|aen)",),
            ("strategisch", "*plan|*plaene"),
            ("*kundenentwicklungspl",),
        ),
    },
    Responsibility.NEGOTIATE_LONG_TERM_CONTRACTS: {
        _EN: (
            ("long ?term|multi ?year|annual", "contracts?$|agreements?$"),
            ("(supply|framework) (contracts?|agreements?)$",),
        ),
        _DE: (
            ("langfristig", "*vertr(ag|aeg)|*vereinbarung|*liefer"),
            ("langfristig", "*vertr(ag|aeg)|*vereinbarung|*liefer", "*abschl|*schliess"),
            ("*liefervertr|*rahmenvertr|*rahmenvereinbar|*jahresvereinbar|*jahresvertr",),
            ("*jahresgespraech",),
        ),
    },
    Responsibility.BUILD_DECISION_TEAM_RELATIONSHIPS: {
        _EN: (
            ("decision ?(makers?|team)", "relationship|network|rapport|trust|engag"),
            ("buying ?cent",),
            ("decision ?team",),
            ("relationship", "buyers?$|purchas|stakeholder|decision|c ?level|executives?$"),
        ),
        _DE: (
            ("*entscheidungsteam",),
            ("buying ?cent",),
            (
                "*beziehung|*kontakt|*netzwerk",
                "*entscheid|*einkaeuf|einkauf|*geschaeftsfuehr|*fuehrungsebene|c ?level",
            ),
        ),
    },
    Responsibility.COORDINATE_INTERNAL_RESOURCES: {
        _EN: (
            (
                "coordinat|orchestrat|align|mobili",
                "internal|departments?$|resources?$|cross ?functional",
            ),
            ("internal (resources|teams|departments|stakeholders)",),
            ("cross ?functional",),
        ),
        _DE: (
            ("*koordin", "intern(e|en|er|es)?$|*abteilung|*ressourc|*fachbereich"),
            ("intern(e|en|er|es)?$", "*ressourc|*abteilung|*schnittstell|*fachbereich"),
            ("*abteilungsuebergreif",),
        ),
    },
    Responsibility.PLAN_DECISION_MAKER_COMMUNICATION: {
        _EN: (
            ("communicat", "decision ?makers?|executives?$|stakeholders?$"),
            ("communication ?(plan|schedule|cadence)",),
        ),
        _DE: (
            ("*kommunikation", "*entscheid|*geschaeftsfuehr|*management"),
            ("*kommunikationsplan",),
            ("regelmaessig", "*kontakt|*austausch|*termin|*gespraech", "*entscheid"),
        ),
    },
    Responsibility.PROPOSE_CUSTOMIZATION: {
        _EN: (
            ("customi[sz]",),
            ("tailor",),
            ("bespoke",),
            ("custom$", "products?$|solutions?$"),
            ("adapt", "products?$", "customer|client|needs$"),
        ),
        _DE: (
            ("*produktanpass",),
            ("*anpassung", "*produkt|*loesung"),
            ("anpass", "*kundenbeduerfnis|*kundenanforder|*kundenwuensch"),
            ("*kundenspezifisch|*massgeschneidert",),
            ("*individuell", "*loesung"),
        ),
    },
    Responsibility.GENERATE_LEADS: {
        _EN: (
            ("generat", _LEADS),
            ("lead ?gen|demand ?gen",),
            ("campaign", _LEADS),
        ),
        _DE: (
            ("*leadgenerier",),
            (_LEADS, "generier|gewinn|erzeug"),
            ("*kampagne", _LEADS + "|*interessent"),
        ),
    },
    Responsibility.FIELD_SALES: {
        _EN: (
            ("field ?sales",),
            ("visit", _CUSTOMERS),
            ("on the road|in the field",),
        ),
        _DE: (
            ("*aussendienst",),
            ("*kundenbesuch",),
            ("besuch", "*kunde"),
            ("vor ort", "*kunde"),
        ),
    },
    Responsibility.ORDER_ADMINISTRATION: {
        _EN: (
            ("orders?$", "process|administ|handl|entry|enter|fulfil|track"),
            ("sales administration",),
        ),
        _DE: (
            ("*auftragsabwickl|*auftragsbearbeit|*auftragserfass",),
            ("*bestellabwickl|*bestellbearbeit",),
            ("auftr(ag|aege|aegen)$", "*bearbeit|*abwickl|*erfass|*verwalt|*pfleg"),
        ),
    },
}

#: Words that negate a line ("keine Kaltakquise", "no cold calling"): such a line is never mapped.
NEGATIONS: Final = _words(
    "kein keine keinen keinem keiner keines keinerlei ohne nicht nie no not without never none"
)
