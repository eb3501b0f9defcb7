# %% [markdown]
# # Wer betreut unsere Schlüsselkunden?
#
# Ein Pumpenhersteller mit vier Kunden, zwei davon Key Accounts (ACME Chemie und Nordwerk
# Wasser), und einem Vertriebsteam von sieben: Ann Meyer und Kai Wolf sind Account Manager,
# Bob Braun und Sue Lang Vertriebsmitarbeiter, Dora Diaz ist Vertriebsleiterin, Carl Cho
# Vertriebskoordinator und Mia Maier im Marketing. Der Artikel, aus dem `salesroles` stammt
# („Account Manager vs. Vertriebsmitarbeiter“), unterscheidet ihre Aufgaben streng: Account
# Manager halten und bauen die Key Accounts aus, Vertriebsmitarbeiter gewinnen neue Kunden und
# arbeiten auf Umsatzziele hin, die Vertriebsleiter festlegen.
#
# Dieses Notebook prüft, ob die Arbeit so verteilt ist, und zeigt alles auf Deutsch. Es ist
# zugleich ein Skript (`python examples/wer_betreut_unsere_schluesselkunden.py`); das Notebook
# daneben entsteht daraus.

# %%
try:
    from IPython.display import display as show
except ImportError:  # ein Python ohne IPython
    show = print

import salesroles as sr
from salesroles.testing import sample_portfolio

# Für das ganze Notebook Deutsch: Ergebnisse werden erst nach ihrer Zelle angezeigt.
sr.set_default_locale("de")
portfolio = sample_portfolio()

# %% [markdown]
# ## Die Prüfung
#
# `check` wendet die Regeln des Artikels an. Jeder Befund nennt die Regel, ihren Schweregrad,
# den Gegenstand und die Aussagen des Artikels, auf die er sich stützt.

# %%
bericht = sr.check(portfolio, as_of="2026-11-27")
print(repr(bericht))
for befund in bericht.findings:
    print(f"- [{sr.label(befund.severity)}] {befund.message}")

# %% [markdown]
# Der eine Fehler betrifft den Plan von Nordwerk: Ein strategischer Account-Plan braucht ein
# Umsatzziel für jedes Produkt (S3.4). Die Warnungen sagen, wo Nordwerk sonst noch wie ein
# kleiner Kunde behandelt wird: Bob, ein Vertriebsmitarbeiter, verwaltet einen Auftrag und führt
# ein offenes Geschäft bei diesem Key Account, und es gibt keinen gültigen Liefervertrag.

# %%
show(bericht)

# %% [markdown]
# ## Wer darf was?
#
# `decide` beantwortet die Frage für eine einzelne Aufgabe und begründet die Antwort.

# %%
bob = portfolio.member("bob")
print(sr.decide("account_manager", "prospecting"))
print(sr.decide(bob, "close_deals", "D-1", portfolio=portfolio))

# %% [markdown]
# Bob darf Geschäfte abschließen, aber nicht bei einem Key Account: Dort gehört das Geschäft
# dem Account Manager, der den Account hält und ausbaut (S2.1).
#
# ## Was auf dem Spiel steht
#
# Die Analysen zeigen ihre Tabellen ebenfalls auf Deutsch, mit deutschen Zahlen.

# %%
verlust = sr.loss_impact(portfolio, "C-ACME")
show(verlust)

# %% [markdown]
# ACME allein bringt 58 % des Umsatzes; ginge dieser Key Account verloren, fehlte mehr als die
# Hälfte. Das ist der Grund, warum der Artikel Key Accounts einem Account Manager anvertraut.

# %%
sr.set_default_locale("en")  # zurück zum Englischen für alles, was danach läuft
